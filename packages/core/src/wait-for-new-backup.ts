import type { Client } from './client.js';
import type { DbType } from './db-types.js';
import {
  BackupFailedError,
  type Cloud66Error,
  InvalidInputError,
  ThrottledError,
  WaitTimeoutError,
} from './errors/index.js';
import { isTransientError } from './is-transient.js';
import { pickNewBackup } from './pick-new-backup.js';
import { minPollIntervalMs } from './poll-pacing.js';
import type { Backup } from './schemas/backup.js';
import { sleep as realSleep, type Sleep } from './sleep.js';
import { type BackupSnapshot, snapshotLatestBackups } from './snapshot-latest-backups.js';

export const DEFAULT_WAIT_TIMEOUT_MS = 30 * 60_000;
export const DEFAULT_CLOCK_SKEW_MS = 120_000;
/** Tolerance when comparing with the server's own `Date`: both are whole seconds. */
export const SERVER_CLOCK_TOLERANCE_MS = 2000;

/** Reported after every poll round. */
export interface PollEvent {
  round: number;
  elapsedMs: number;
  found: Partial<Record<DbType, Backup>>;
  missing: DbType[];
  /** Db types for which several new backups qualified (`chosen` won; see pickNewBackup). */
  ambiguous: { dbType: DbType; chosen: number; candidates: number[] }[];
  /** Transient errors of this round (polling goes on, slower). */
  errors: { dbType: DbType; error: Cloud66Error }[];
  /** Delay before the next round (0 when done). */
  nextPollInMs: number;
}

export interface WaitOptions {
  dbTypes: readonly DbType[];
  /** The "before" snapshot; taken now when absent. */
  since?: BackupSnapshot;
  /** Default 30 minutes. */
  timeoutMs?: number;
  /** Default: the larger of 5 s and {@link minPollIntervalMs} for these db types. */
  pollIntervalMs?: number;
  /**
   * How far the server's clock may lag ours (default 2 minutes). Unused when the snapshot
   * carries `serverRequestedAt` (then server times are compared with server times).
   */
  clockSkewMs?: number;
  signal?: AbortSignal;
  onPoll?: (event: PollEvent) => void;
  sleep?: Sleep;
  now?: () => number;
}

/**
 * Polls page 1 of each db type's backups until a backup created by our request appears
 * for every db type (see `pickNewBackup` for the correlation). At most one request per
 * db type per poll interval; transient errors (network, timeout, throttled, 408, 429,
 * 500, 502, 503, 504) slow polling down exponentially instead of failing. Rejects with
 * {@link BackupFailedError} when the new backup failed, {@link WaitTimeoutError} (naming
 * the missing db types) at the deadline.
 */
export async function waitForNewBackup(
  client: Client,
  stackUid: string,
  options: WaitOptions,
): Promise<Record<DbType, Backup>> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const dbTypes = [...new Set(options.dbTypes)];
  if (dbTypes.length === 0) throw new InvalidInputError('dbTypes must name at least one db type');
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const interval =
    options.pollIntervalMs ?? Math.max(5000, minPollIntervalMs(dbTypes.length, timeoutMs));
  if (!(timeoutMs > 0)) throw new InvalidInputError(`timeoutMs must be > 0, got ${timeoutMs}`);
  if (!(interval > 0)) throw new InvalidInputError(`pollIntervalMs must be > 0, got ${interval}`);
  const clockSkewMs = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
  const call = options.signal ? { signal: options.signal } : {};

  const started = now();
  const deadline = started + timeoutMs;
  const since =
    options.since ?? (await snapshotLatestBackups(client, stackUid, dbTypes, { ...call, now }));
  const found: Partial<Record<DbType, Backup>> = {};
  let failures = 0;

  for (let round = 1; ; round++) {
    const roundStarted = now();
    const missing = dbTypes.filter((t) => !found[t]);
    const event: PollEvent = {
      round,
      elapsedMs: 0,
      found,
      missing: [],
      ambiguous: [],
      errors: [],
      nextPollInMs: 0,
    };
    const pages = await Promise.all(
      missing.map((dbType) =>
        client.backups
          .list(stackUid, { dbType, retry: { limit: 0 }, ...call })
          .page(1)
          .then(
            (page) => ({ dbType, items: page.items }),
            (error: unknown) => {
              if (!isTransientError(error)) throw error;
              event.errors.push({ dbType, error });
              return { dbType, items: [] as Backup[] };
            },
          ),
      ),
    );
    for (const { dbType, items } of pages) {
      const pick = pickNewBackup(items, {
        dbType,
        latestId: since.latestIds[dbType],
        requestedAt: since.serverRequestedAt ?? since.takenAt,
        toleranceMs: since.serverRequestedAt ? SERVER_CLOCK_TOLERANCE_MS : clockSkewMs,
      });
      if (!pick) continue;
      if (pick.candidates.length > 0) {
        event.ambiguous.push({ dbType, chosen: pick.backup.id, candidates: pick.candidates });
      }
      if (pick.backup.backup_status.name === 'failed') {
        report(event, roundStarted);
        throw new BackupFailedError(pick.backup);
      }
      found[dbType] = pick.backup;
    }
    failures = event.errors.length > 0 ? failures + 1 : 0;
    event.missing = dbTypes.filter((t) => !found[t]);
    if (event.missing.length === 0) {
      report(event, roundStarted);
      return found as Record<DbType, Backup>;
    }
    const remaining = deadline - now();
    if (remaining <= 0) {
      report(event, roundStarted);
      throw new WaitTimeoutError(event.missing, found, timeoutMs);
    }
    const pace = interval * 2 ** Math.min(failures, 6);
    const throttled = event.errors.some((e) => e.error instanceof ThrottledError);
    const delay = Math.max(roundStarted + (throttled ? Math.max(pace, 60_000) : pace) - now(), 0);
    event.nextPollInMs = Math.min(delay, remaining);
    report(event, roundStarted);
    await sleep(event.nextPollInMs, options.signal);
  }

  function report(event: PollEvent, roundStarted: number): void {
    event.elapsedMs = roundStarted - started;
    options.onPoll?.({ ...event, found: { ...found } });
  }
}
