/** How GET requests are retried. POST is never retried. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3; 0 disables). */
  limit?: number;
  /** First backoff ceiling; doubles per retry (default 500 ms). */
  baseDelayMs?: number;
  /** Backoff ceiling (default 10 s). */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown (default 60 s). */
  maxRetryAfterMs?: number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetryOptions = {
  limit: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

export function resolveRetry(...layers: (RetryOptions | undefined)[]): ResolvedRetryOptions {
  const merged = { ...DEFAULT_RETRY };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) merged[key as keyof RetryOptions] = value;
    }
  }
  if (!Number.isInteger(merged.limit) || merged.limit < 0) {
    throw new RangeError(`retry.limit must be a non-negative integer, got ${merged.limit}`);
  }
  return merged;
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^(retry-1))). */
export function backoffDelayMs(
  retry: number,
  options: ResolvedRetryOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` (delta seconds or an HTTP date) in ms, or undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
