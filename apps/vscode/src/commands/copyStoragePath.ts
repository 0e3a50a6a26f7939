import { BackupNode } from '../tree/BackupNode.js';
import type { CommandContext } from './CommandContext.js';

/** Puts the backup's storage path (where Cloud 66 keeps it) on the clipboard. */
export async function copyStoragePath({ deps }: CommandContext, node: unknown): Promise<void> {
  if (!(node instanceof BackupNode)) return;
  await deps.clipboard.writeText(node.backup.storage_path);
  void deps.ui.showInformationMessage('Copied the storage path.');
}
