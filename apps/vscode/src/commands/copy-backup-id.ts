import { BackupNode } from '../tree/backup-node.js';
import type { CommandContext } from './command-context.js';

/** Puts the backup's numeric id on the clipboard. */
export async function copyBackupId({ deps }: CommandContext, node: unknown): Promise<void> {
  if (!(node instanceof BackupNode)) return;
  await deps.clipboard.writeText(String(node.backup.id));
  void deps.ui.showInformationMessage(`Copied backup ID ${node.backup.id}.`);
}
