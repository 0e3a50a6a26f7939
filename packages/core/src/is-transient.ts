import { Cloud66Error, NetworkError, ThrottledError, TimeoutError } from './errors/index.js';

/**
 * Statuses that say "not now" rather than "never": a timeout, too many requests, and the
 * 5xx that gateways and S3 answer while busy. 501 Not Implemented and 505 HTTP Version
 * Not Supported are 5xx too, but asking again gets the same answer, so they are final.
 */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * True for an answer worth asking again later. Cloud 66's 503 `not_implemented` is its
 * 501: as final as the status it stands for.
 */
export function isTransientStatus(status: number, apiError?: string): boolean {
  return TRANSIENT_STATUSES.has(status) && apiError !== 'not_implemented';
}

/**
 * The one definition of a transient failure (used by GET retries, the file host's retries
 * and the backup waiter): no answer, no answer in time, throttled, or a transient status.
 * Whether to wait an hour for a throttled window is the caller's choice, not this one's.
 */
export function isTransientError(error: unknown): error is Cloud66Error {
  if (error instanceof NetworkError || error instanceof TimeoutError) return true;
  if (error instanceof ThrottledError) return true;
  return (
    error instanceof Cloud66Error &&
    error.status !== undefined &&
    isTransientStatus(error.status, error.apiError)
  );
}
