import type { Client } from './client.js';
import type { CreateBackupOptions } from './client-options.js';
import type { DbType, DbTypeSelection } from './db-types.js';
import { dbTypesWithBackups } from './db-types-with-backups.js';
import {
  type Cloud66Error,
  InvalidInputError,
  NetworkError,
  TimeoutError,
  unknownDbTypes,
  WaitTimeoutError,
} from './errors/index.js';
import type { Backup } from './schemas/backup.js';
import type { QueuedResult } from './schemas/backup-file.js';
import { type BackupSnapshot, snapshotLatestBackups } from './snapshot-latest-backups.js';
import {
  DEFAULT_WAIT_TIMEOUT_MS,
  type WaitOptions,
  waitForNewBackup,
} from './wait-for-new-backup.js';

export interface CreateAndWaitOptions extends Omit<CreateBackupOptions, 'dbTypes'> {
  /**
   * The db types to back up and wait for (`parseDbTypes` gives them), or `'all'`: Cloud 66
   * backs up every database of the stack, and the wait covers the db types the stack
   * already has backups of (see {@link dbTypesWithBackups}).
   */
  dbTypes: DbTypeSelection;
  /** false: return as soon as the task is queued (default true). */
  wait?: boolean;
}

export interface CreateAndWaitResult {
  /** Cloud 66's answer to the create request; undefined when its outcome is unknown. */
  queued: QueuedResult | undefined;
  /** The db types waited for (what `'all'` resolved to). */
  dbTypes: DbType[];
  /** The "before" snapshot, `takenAt` being the moment just before the create request. */
  since: BackupSnapshot;
  /** The new backups (absent with `wait: false`). */
  backups?: Record<DbType, Backup>;
}

/**
 * The one flow every app uses: snapshot the latest backups, queue a backup task, then wait
 * for the backups it creates. POST is not retried: when its outcome is unknown (network
 * error, timeout) the wait still looks for the new backup instead of creating another.
 */
export async function createBackupAndWait(
  client: Client,
  stackUid: string,
  create: CreateAndWaitOptions,
  wait: Omit<WaitOptions, 'dbTypes' | 'since'> = {},
): Promise<CreateAndWaitResult> {
  const all = create.dbTypes === 'all';
  const now = wait.now ?? Date.now;
  // One signal for the whole flow, whichever options carried it.
  const signal = create.signal ?? wait.signal;
  const look = { now, ...(signal ? { signal } : {}) };
  const { wait: shouldWait = true, ...createOptions } = create;
  let dbTypes: DbType[];
  let snapshot: BackupSnapshot;
  if (create.dbTypes === 'all') {
    ({ dbTypes, snapshot } = await dbTypesWithBackups(client, stackUid, look));
    if (dbTypes.length === 0 && shouldWait) throw unknownDbTypes(stackUid);
  } else {
    dbTypes = [...new Set(create.dbTypes)];
    if (dbTypes.length === 0) throw new InvalidInputError('dbTypes must name at least one db type');
    snapshot = await snapshotLatestBackups(client, stackUid, dbTypes, look);
  }
  const since: BackupSnapshot = { ...snapshot, takenAt: new Date(now()) };
  let queued: QueuedResult | undefined;
  let unknownOutcome: Cloud66Error | undefined;
  try {
    queued = await client.backups.create(stackUid, {
      ...createOptions,
      ...(signal ? { signal } : {}),
      dbTypes: all ? 'all' : dbTypes,
      onResponse: ({ date }) => {
        if (date) since.serverRequestedAt = date;
      },
    });
  } catch (error) {
    if (!shouldWait || !(error instanceof NetworkError || error instanceof TimeoutError))
      throw error;
    unknownOutcome = error;
  }
  if (!shouldWait) return { queued, dbTypes, since };
  try {
    const backups = await waitForNewBackup(client, stackUid, {
      ...wait,
      ...(signal ? { signal } : {}),
      dbTypes,
      since,
    });
    return { queued, dbTypes, since, backups };
  } catch (error) {
    if (unknownOutcome && error instanceof WaitTimeoutError) {
      const timeoutMs = wait.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
      throw new WaitTimeoutError(error.missing, error.found, timeoutMs, { cause: unknownOutcome });
    }
    throw error;
  }
}
