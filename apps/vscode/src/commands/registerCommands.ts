import type * as vscode from 'vscode';
import { COMMANDS } from '../ids.js';
import type { CommandContext } from './CommandContext.js';
import { checkFreshness } from './checkFreshness.js';
import { copyBackupId } from './copyBackupId.js';
import { copyStoragePath } from './copyStoragePath.js';
import { createBackup } from './createBackup.js';
import { downloadBackup } from './downloadBackup.js';
import { downloadFile } from './downloadFile.js';
import { filterStacks } from './filterStacks.js';
import { importBackup } from './importBackup.js';
import { loadMore } from './loadMore.js';
import { openInDashboard } from './openInDashboard.js';
import { refresh } from './refresh.js';
import { retry } from './retry.js';
import { signIn } from './signIn.js';
import { signOut } from './signOut.js';

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
