import { planBackup } from './backup-plan.js';
import type { DownloadClient } from './download-client.js';
import { safeFileName } from './safe-file-name.js';

/**
 * The name {@link downloadBackup} gives the file it writes into a folder: the backup's own
 * file name, or for a split backup (`x.tar-aa`, `x.tar-ab`...) the joined one (`x.tar`).
 * Found the way the download finds it (the backup, then its files), so an app that asks
 * where to save proposes exactly that name. Throws what the download would: a failed
 * backup, parts that do not join, a name unsafe to create.
 */
export async function downloadTargetName(
  client: DownloadClient,
  stackUid: string,
  backupId: number,
  options: { signal?: AbortSignal } = {},
): Promise<string> {
  const { name } = await planBackup(client, stackUid, backupId, {
    signal: options.signal,
    expectedSize: undefined,
  });
  return safeFileName(name);
}
