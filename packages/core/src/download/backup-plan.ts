import { BackupFailedError } from '../errors/index.js';
import type { DownloadClient } from './download-client.js';
import type { ResolvedDownloadOptions } from './options.js';
import { type BackupFileRef, orderParts } from './part-order.js';
import { reportedSize } from './reported-size.js';

export interface BackupPlan {
  /** The joined file's name, from the API (checked later against traversal). */
  name: string;
  /** In joining order. */
  parts: readonly BackupFileRef[];
  /** What the joined bytes must add up to, when known. */
  expectedTotal: number | undefined;
}

/** The backup's parts in joining order and its expected size; a failed backup says so. */
export async function planBackup(
  client: DownloadClient,
  stackUid: string,
  backupId: number,
  resolved: Pick<ResolvedDownloadOptions, 'signal' | 'expectedSize'>,
): Promise<BackupPlan> {
  const { signal } = resolved;
  const backup = await client.backups.get(stackUid, backupId, { signal });
  // A failed backup has no files: say why rather than "no files".
  if (backup.backup_status.name === 'failed')
    throw new BackupFailedError(backup, { download: true });
  const files = await client.files.list(stackUid, backupId, { signal }).toArray({ signal });
  const { name, parts } = orderParts(files);
  const expectedTotal = resolved.expectedSize ?? reportedSize(backup);
  return { name, parts, expectedTotal };
}
