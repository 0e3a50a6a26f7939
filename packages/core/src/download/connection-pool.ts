import { anySignal } from '../sleep.js';

/**
 * Runs work items over at most `connections` at once, in order. The first failure stops
 * the rest (their requests are aborted through `signal`) and is what `run` throws.
 * `throttle()` halves the connections in use: a connection over the limit closes after
 * its current item, so a host answering 503 SlowDown is asked less instead of failing.
 */
export class ConnectionPool {
  private limit: number;
  private active = 0;
  private readonly stop = new AbortController();
  /** Aborted when the caller's signal is, or when one item failed. */
  readonly signal: AbortSignal;

  constructor(
    connections: number,
    parent: AbortSignal | undefined,
    private readonly onLimit?: (connections: number) => void,
  ) {
    this.limit = connections;
    this.signal = anySignal(parent, this.stop.signal) ?? this.stop.signal;
  }

  /** Connections allowed now. */
  get connections(): number {
    return this.limit;
  }

  throttle(): void {
    const limit = Math.max(1, Math.floor(this.limit / 2));
    if (limit === this.limit) return;
    this.limit = limit;
    this.onLimit?.(limit);
  }

  async run<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    let failure: { error: unknown } | undefined;
    const worker = async (): Promise<void> => {
      this.active++;
      try {
        for (;;) {
          if (failure || this.signal.aborted || this.active > this.limit) return;
          const item = items[next++];
          if (item === undefined) return;
          await work(item);
        }
      } catch (error) {
        if (!failure) {
          failure = { error };
          this.stop.abort(error);
        }
      } finally {
        this.active--;
      }
    };
    const count = Math.min(this.limit, items.length);
    await Promise.all(Array.from({ length: count }, worker));
    if (failure) throw failure.error;
  }
}
