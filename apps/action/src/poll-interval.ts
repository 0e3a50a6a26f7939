import { minPollIntervalMs } from '@c66-backup/core';

export interface PollInterval {
  ms: number;
  /** The interval asked for, when it was too low and got raised. */
  raisedFromMs?: number;
}

/**
 * The poll interval to use: the one asked for, raised to the core's pacing floor for this
 * many db types (each poll costs one request per db type) so the wait stays well inside
 * Cloud 66's 3,000 requests an hour.
 */
export function pacedPollInterval(
  requestedMs: number,
  dbTypeCount: number,
  timeoutMs: number,
): PollInterval {
  const floor = minPollIntervalMs(dbTypeCount, timeoutMs);
  return requestedMs >= floor ? { ms: requestedMs } : { ms: floor, raisedFromMs: requestedMs };
}
