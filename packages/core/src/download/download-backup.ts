import { resolve } from 'node:path';
import { planBackup } from './backup-plan.js';
import type { DownloadClient } from './download-client.js';
import { loadEngine } from './load-engine.js';
import type { DownloadOptions, DownloadResult } from './options.js';
import { resolveOptions } from './options.js';
import { pathInside } from './safe-file-name.js';

/**
 * Downloads a whole backup as one file: a single-file backup as is, a split one with
 * its parts (`x.tar-aa`, `x.tar-ab`...) joined in order into `x.tar`, in one pass.
 * Resumes after resets, stalls and expired URLs; verifies every part's length and,
 * where the ETag is a plain MD5, its checksum, and the total against `backup_size`.
 * The target appears only complete and verified; on failure or cancel nothing does.
 */
export async function downloadBackup(
  client: DownloadClient,
  stackUid: string,
  backupId: number,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const resolved = resolveOptions(options);
  const { name, parts, expectedTotal } = await planBackup(client, stackUid, backupId, resolved);
  const target =
    options.dir !== undefined ? pathInside(options.dir, name) : resolve(options.file ?? '');
  // Fail before any byte moves; checked again when the file is moved into place.
  const { assertTargetWritable, downloadParts } = await loadEngine();
  await assertTargetWritable(target, resolved.overwrite);
  return downloadParts(client, { stackUid, backupId, parts, target, expectedTotal }, resolved);
}
