import { resolve } from 'node:path';
import { BackupPartsError } from '../errors/index.js';
import type { DownloadClient } from './download-client.js';
import { loadEngine } from './load-engine.js';
import type { DownloadOptions, DownloadResult } from './options.js';
import { resolveOptions } from './options.js';
import { reportedSize } from './reported-size.js';
import { pathInside } from './safe-file-name.js';

/**
 * Downloads one file of a backup (a whole `tar`, or a single part such as `tar-ab`)
 * under its own name, with the same resume, verification and atomicity as
 * `downloadBackup`. `backup_size` is checked only when this file is the whole backup.
 */
export async function downloadBackupFile(
  client: DownloadClient,
  stackUid: string,
  backupId: number,
  fileId: string,
  options: DownloadOptions,
): Promise<Omit<DownloadResult, 'parts'>> {
  const resolved = resolveOptions(options);
  const { signal } = resolved;
  const files = await client.files.list(stackUid, backupId, { signal }).toArray({ signal });
  const file = files.find((candidate) => candidate.id === fileId);
  if (!file) {
    const known = files.map((f) => JSON.stringify(f.id)).join(', ') || 'none';
    throw new BackupPartsError(
      `backup ${backupId} has no file ${JSON.stringify(fileId)} (its files: ${known})`,
    );
  }
  const target =
    options.dir !== undefined ? pathInside(options.dir, file.name) : resolve(options.file ?? '');
  const { assertTargetWritable, downloadParts } = await loadEngine();
  await assertTargetWritable(target, resolved.overwrite);
  let expectedTotal = resolved.expectedSize;
  if (expectedTotal === undefined && files.length === 1) {
    const backup = await client.backups.get(stackUid, backupId, { signal });
    expectedTotal = reportedSize(backup);
  }
  const { path, bytes, verified } = await downloadParts(
    client,
    { stackUid, backupId, parts: [file], target, expectedTotal },
    resolved,
  );
  return { path, bytes, verified };
}
