import { BackupNode } from '../tree/backup-node.js';
import type { CommandContext } from './command-context.js';

/** Puts the backup's storage path (where Cloud 66 keeps it) on the clipboard. */
export async function copyStoragePath({ deps }: CommandContext, node: unknown): Promise<void> {
  if (!(node instanceof BackupNode)) return;
  const path = node.backup.storage_path;
  // Cloud 66 documents the field, but a server may leave it out: say so, copy nothing.
  if (!path) {
    void deps.ui.showInformationMessage(`Backup ${node.backup.id} has no storage path.`);
    return;
  }
  await deps.clipboard.writeText(path);
  void deps.ui.showInformationMessage('Copied the storage path.');
}
