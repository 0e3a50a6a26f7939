/** Cloud 66's rate limit: requests per user per hour. */
export const RATE_LIMIT_PER_HOUR = 3000;

/** Requests one wait may spend per hour by default: a third of the limit, leaving room for the rest. */
export const DEFAULT_POLL_BUDGET_PER_HOUR = 1000;

export interface PollPacingOptions {
  /** Requests the wait may spend in any hour (default 1,000). */
  budgetPerHour?: number;
  /** Never poll faster than this (default 1 s). */
  floorMs?: number;
}

/**
 * The shortest poll interval that keeps a wait for `dbTypeCount` db types (one request per
 * db type per poll) within `budgetPerHour` requests over its timeout (or any hour of it).
 * E.g. 4 db types for 30 minutes: 7.2 s; 1 db type: 1.8 s.
 */
export function minPollIntervalMs(
  dbTypeCount: number,
  timeoutMs: number,
  options: PollPacingOptions = {},
): number {
  const budget = options.budgetPerHour ?? DEFAULT_POLL_BUDGET_PER_HOUR;
  const floor = options.floorMs ?? 1000;
  const windowMs = Math.min(Math.max(timeoutMs, 0), 3_600_000);
  return Math.max(floor, Math.ceil((Math.max(dbTypeCount, 1) * windowMs) / budget));
}
