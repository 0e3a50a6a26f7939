import { downloadBackupFile } from '@c66-backup/core';
import { FileNode } from '../tree/file-node.js';
import type { CommandContext } from './command-context.js';
import { type DownloadOutcome, saveDownload } from './save-download.js';

/** Downloads one file (or one part) of a backup to a path the user chooses. */
export async function downloadFile(
  c: CommandContext,
  node: unknown,
): Promise<DownloadOutcome | undefined> {
  if (!(node instanceof FileNode)) return undefined;
  const client = await c.session.client();
  if (!client) return undefined;
  return saveDownload(c, {
    suggestedName: node.file.name,
    what: node.file.name,
    run: (file, signal, onProgress) =>
      downloadBackupFile(client, node.stackUid, node.backupId, node.file.id, {
        file,
        overwrite: true,
        signal,
        onProgress,
      }),
  });
}
