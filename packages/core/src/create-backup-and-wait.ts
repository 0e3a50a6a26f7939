import type { Client } from './client.js';
import type { CreateBackupOptions } from './client-options.js';
import type { DbType } from './db-types.js';
import { type Cloud66Error, InvalidInputError, NetworkError, TimeoutError } from './errors.js';
import type { Backup } from './schemas/backup.js';
import type { QueuedResult } from './schemas/backup-file.js';
import { type BackupSnapshot, snapshotLatestBackups } from './snapshot-latest-backups.js';
import { WaitTimeoutError } from './wait-errors.js';
import {
  DEFAULT_WAIT_TIMEOUT_MS,
  type WaitOptions,
  waitForNewBackup,
} from './wait-for-new-backup.js';

export interface CreateAndWaitOptions extends Omit<CreateBackupOptions, 'dbTypes'> {
  /** The db types to back up and wait for (`parseDbTypes` gives them). */
  dbTypes: readonly DbType[];
  /** false: return as soon as the task is queued (default true). */
  wait?: boolean;
}

export interface CreateAndWaitResult {
  /** Cloud 66's answer to the create request; undefined when its outcome is unknown. */
  queued: QueuedResult | undefined;
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
  const dbTypes = [...new Set(create.dbTypes)];
  if (dbTypes.length === 0) throw new InvalidInputError('dbTypes must name at least one db type');
  const now = wait.now ?? Date.now;
  // One signal for the whole flow, whichever options carried it.
  const signal = create.signal ?? wait.signal;
  const snapshot = await snapshotLatestBackups(client, stackUid, dbTypes, {
    now,
    ...(signal ? { signal } : {}),
  });
  const { wait: shouldWait = true, ...createOptions } = create;
  const since: BackupSnapshot = { ...snapshot, takenAt: new Date(now()) };
  let queued: QueuedResult | undefined;
  let unknownOutcome: Cloud66Error | undefined;
  try {
    queued = await client.backups.create(stackUid, {
      ...createOptions,
      ...(signal ? { signal } : {}),
      dbTypes,
      onResponse: ({ date }) => {
        if (date) since.serverRequestedAt = date;
      },
    });
  } catch (error) {
    if (!shouldWait || !(error instanceof NetworkError || error instanceof TimeoutError))
      throw error;
    unknownOutcome = error;
  }
  if (!shouldWait) return { queued, since };
  try {
    const backups = await waitForNewBackup(client, stackUid, {
      ...wait,
      ...(signal ? { signal } : {}),
      dbTypes,
      since,
    });
    return { queued, since, backups };
  } catch (error) {
    if (unknownOutcome && error instanceof WaitTimeoutError) {
      const timeoutMs = wait.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
      throw new WaitTimeoutError(error.missing, error.found, timeoutMs, { cause: unknownOutcome });
    }
    throw error;
  }
}
