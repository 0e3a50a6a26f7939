import type * as vscode from 'vscode';
import { COMMANDS } from '../ids.js';
import { checkFreshness } from './check-freshness.js';
import type { CommandContext } from './command-context.js';
import { copyBackupId } from './copy-backup-id.js';
import { copyStoragePath } from './copy-storage-path.js';
import { createBackup } from './create-backup.js';
import { downloadBackup } from './download-backup.js';
import { downloadFile } from './download-file.js';
import { filterStacks } from './filter-stacks.js';
import { importBackup } from './import-backup.js';
import { loadMore } from './load-more.js';
import { openInDashboard } from './open-in-dashboard.js';
import { refresh } from './refresh.js';
import { retry } from './retry.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';

type Command = (c: CommandContext, arg: unknown) => unknown;

/** Every command of the manifest, by id (`check:vsix` verifies the two lists match). */
export const COMMAND_HANDLERS: Record<(typeof COMMANDS)[keyof typeof COMMANDS], Command> = {
  [COMMANDS.signIn]: signIn,
  [COMMANDS.signOut]: signOut,
  [COMMANDS.refresh]: refresh,
  [COMMANDS.filterStacks]: filterStacks,
  [COMMANDS.loadMore]: loadMore,
  [COMMANDS.retry]: retry,
  [COMMANDS.downloadFile]: downloadFile,
  [COMMANDS.downloadBackup]: downloadBackup,
  [COMMANDS.createBackup]: createBackup,
  [COMMANDS.importBackup]: importBackup,
  [COMMANDS.copyBackupId]: copyBackupId,
  [COMMANDS.copyStoragePath]: copyStoragePath,
  [COMMANDS.openInDashboard]: openInDashboard,
  [COMMANDS.checkFreshness]: checkFreshness,
};

export function registerCommands(c: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMAND_HANDLERS).map(([id, run]) =>
    c.deps.registerCommand(id, (arg?: unknown) => run(c, arg)),
  );
}
