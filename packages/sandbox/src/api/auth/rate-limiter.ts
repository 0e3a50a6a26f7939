const HOUR = 3_600_000;

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
}

/** Cloud 66's hourly request budget per token: fixed windows starting on the hour. */
export class RateLimiter {
  private window = -1;
  private readonly used = new Map<string, number>();

  constructor(
    private readonly limitPerHour: number,
    private readonly now: () => number,
  ) {}

  get enabled(): boolean {
    return this.limitPerHour > 0;
  }

  /** Counts one request for `token`. */
  hit(token: string): RateDecision {
    const window = Math.floor(this.now() / HOUR);
    if (window !== this.window) {
      this.window = window;
      this.used.clear();
    }
    const used = (this.used.get(token) ?? 0) + 1;
    this.used.set(token, used);
    return {
      allowed: used <= this.limitPerHour,
      limit: this.limitPerHour,
      remaining: Math.max(0, this.limitPerHour - used),
    };
  }
}
