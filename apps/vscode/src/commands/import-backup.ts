import { DB_TYPES } from '@c66-backup/core';
import * as vscode from 'vscode';
import { describeError } from '../describe-error.js';
import type { CommandContext } from './command-context.js';
import { pickStack } from './pick-stack.js';

/** Checks a remote URL before it is sent: absolute http(s). The URL itself is never shown. */
export function remoteUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'Enter an absolute URL, e.g. https://example.com/backups/db.tar.gz';
  }
  return url.protocol === 'https:' || url.protocol === 'http:'
    ? undefined
    : 'The URL must start with https:// or http://';
}

/** Imports an external backup into a stack's backup group: group, db type, remote URL. */
export async function importBackup(c: CommandContext, arg: unknown): Promise<boolean> {
  const target = await pickStack(c, arg);
  if (!target) return false;
  const { ui } = c.deps;
  const title = `Import a backup into ${target.stack.name}`;
  const group = await ui.showInputBox({
    title,
    prompt: 'Backup group ID (a whole number; see the stack’s backup settings)',
    validateInput: (v) =>
      /^\s*[1-9]\d*\s*$/.test(v) ? undefined : 'Enter a whole number, 1 or more',
  });
  if (group === undefined) return false;
  const dbType = await ui.pickOne(
    DB_TYPES.map((type) => ({ label: type })),
    { title, placeHolder: 'Database type of the backup' },
  );
  if (!dbType) return false;
  const remoteUrl = await ui.showInputBox({
    title,
    prompt: 'URL Cloud 66 downloads the backup from',
    ignoreFocusOut: true,
    validateInput: remoteUrlProblem,
  });
  if (remoteUrl === undefined) return false;

  const client = await c.session.client();
  if (!client) return false;
  try {
    const result = await ui.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Importing into ${target.stack.name}…`,
      },
      () =>
        client.backups.import(target.stack.uid, {
          group: Number(group.trim()),
          dbType: dbType.label,
          remoteUrl: remoteUrl.trim(),
        }),
    );
    void ui.showInformationMessage(
      `Cloud 66: ${result.message || 'import requested'}. The backup appears under ${target.stack.name} once uploaded (refresh to see it).`,
    );
    return true;
  } catch (error) {
    void ui.showErrorMessage(`Import into ${target.stack.name} failed: ${describeError(error)}`);
    return false;
  }
}
