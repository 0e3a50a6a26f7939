import type { Client } from './client.js';
import type { DbType } from './db-types.js';
import type { Backup } from './schemas/backup.js';

/** The newest good backup of one db type and the newest failure more recent than it. */
export interface NewestBackups {
  /** Whether the list had any backup of this type at all (within the pages read). */
  seen: boolean;
  /** The newest successful backup (verified too, when that was required). */
  good?: Backup;
  /** The newest failed backup, only when it is more recent than `good` (or there is none). */
  failure?: Backup;
}

export interface NewestBackupsOptions {
  /** Only successful backups whose verification succeeded count as good. */
  requireVerified?: boolean;
  /**
   * Stop paging once a page reaches back past this moment (ms since the epoch): a good
   * backup older than it would not change the answer the caller needs.
   */
  horizon?: number;
  signal?: AbortSignal;
}

/**
 * Pages one db type's backups (newest first, one page at a time) until the newest good one
 * is found, the list ends, or a page reaches back past `horizon`: page 1 in the common case.
 * Only `id`, `db_type`, `backup_status` and `backup_date_iso` are relied on; a missing
 * `verify_status` counts as not verified.
 */
export async function newestBackups(
  client: Client,
  stackUid: string,
  dbType: DbType,
  options: NewestBackupsOptions = {},
): Promise<NewestBackups> {
  const horizon = options.horizon ?? Number.NEGATIVE_INFINITY;
  const list = client.backups.list(stackUid, {
    dbType,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const result: NewestBackups = { seen: false };
  let failure: Backup | undefined;
  for await (const page of list.pages({ concurrency: 1 })) {
    let oldest = Number.POSITIVE_INFINITY;
    for (const backup of page.items) {
      if (backup.db_type !== dbType) continue;
      result.seen = true;
      oldest = Math.min(oldest, backup.backup_date_iso.getTime());
      if (isGood(backup, options.requireVerified)) {
        if (!result.good || newer(backup, result.good)) result.good = backup;
      } else if (isFailure(backup, options.requireVerified)) {
        if (!failure || newer(backup, failure)) failure = backup;
      }
    }
    if (result.good || oldest < horizon) break;
  }
  if (failure && (!result.good || newer(failure, result.good))) result.failure = failure;
  return result;
}

function isGood(backup: Backup, requireVerified = false): boolean {
  if (backup.backup_status.name !== 'ok') return false;
  return !requireVerified || backup.verify_status?.name === 'verified';
}

/** A failed dump; with verification required, a failed verification too. */
function isFailure(backup: Backup, requireVerified = false): boolean {
  if (backup.backup_status.name === 'failed') return true;
  return requireVerified && backup.verify_status?.name === 'verification_failed';
}

/** By dump start (the moment the data is from), then by id. */
function newer(a: Backup, b: Backup): boolean {
  const at = a.backup_date_iso.getTime();
  const bt = b.backup_date_iso.getTime();
  return at > bt || (at === bt && a.id > b.id);
}
