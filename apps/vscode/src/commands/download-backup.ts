import { type Client, downloadBackup as download, downloadTargetName } from '@c66-backup/core';
import { BackupNode } from '../tree/backup-node.js';
import { backupLabel } from '../tree/backup-presentation.js';
import type { CommandContext } from './command-context.js';
import { type DownloadOutcome, saveDownload } from './save-download.js';

/** Downloads a whole backup, every part joined in order into one file. */
export async function downloadBackup(
  c: CommandContext,
  node: unknown,
): Promise<DownloadOutcome | undefined> {
  if (!(node instanceof BackupNode)) return undefined;
  const client = await c.session.client();
  if (!client) return undefined;
  const { backup, stackUid } = node;
  return saveDownload(c, {
    suggestedName: await joinedName(
      client,
      stackUid,
      backup.id,
      `${backup.database_name || backup.db_type}-${backup.id}.tar`,
    ),
    what: `backup ${backup.id} (${backupLabel(backup)})`,
    run: (file, signal, onProgress) =>
      download(client, stackUid, backup.id, {
        file,
        overwrite: true,
        signal,
        onProgress,
        connections: c.deps.settings.downloadConnections(),
      }),
  });
}

/** The name the core's download gives the file (`x.tar` for parts `x.tar-aa`...), for the dialog. */
async function joinedName(client: Client, stackUid: string, backupId: number, fallback: string) {
  try {
    return await downloadTargetName(client, stackUid, backupId);
  } catch {
    // The download itself will report what is wrong with the file list.
    return fallback;
  }
}
