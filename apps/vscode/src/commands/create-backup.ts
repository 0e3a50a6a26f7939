import {
  AbortedError,
  type Backup,
  BackupFailedError,
  createBackupAndWait,
} from '@c66-backup/core';
import * as vscode from 'vscode';
import { describeError } from '../describe-error.js';
import type { StackNode } from '../tree/stack-node.js';
import { askCreateOptions } from './ask-create-options.js';
import type { CommandContext } from './command-context.js';
import { pickStack } from './pick-stack.js';

/**
 * Creates a backup on a stack and waits (cancellably) for the core to find the new backup,
 * then reveals and selects it. Meanwhile the stack reads "backing up…"; afterwards its
 * backups are reloaded whatever happened, so nothing stays "in progress".
 */
export async function createBackup(c: CommandContext, arg: unknown): Promise<Backup[] | undefined> {
  const target = await pickStack(c, arg);
  if (!target) return undefined;
  const { stack, node } = target;
  const { ui } = c.deps;
  const choices = await askCreateOptions(ui, stack.name);
  if (!choices) return undefined;
  const client = await c.session.client();
  if (!client) return undefined;

  const controller = new AbortController();
  const what = `${stack.name} (${choices.dbTypes.join(', ')})`;
  const done = node?.startBusy('backing up…');
  try {
    const created = await ui.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Backing up ${what}`,
        cancellable: true,
      },
      async (progress, token) => {
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          progress.report({ message: 'queueing the backup…' });
          const result = await createBackupAndWait(
            client,
            stack.uid,
            { ...choices, signal: controller.signal },
            {
              signal: controller.signal,
              pollIntervalMs: c.deps.backupPollIntervalMs,
              onPoll: (poll) =>
                progress.report({
                  message: `waiting for Cloud 66 to finish it (${poll.missing.join(', ') || 'done'})…`,
                }),
            },
          );
          return Object.values(result.backups ?? {}) as Backup[];
        } finally {
          subscription.dispose();
        }
      },
    );
    const backups = created.sort((a, b) => b.id - a.id);
    await revealBackups(c, node, backups);
    void ui.showInformationMessage(
      `Backup${backups.length > 1 ? 's' : ''} of ${what} ready: ${backups.map((b) => `${b.db_type} #${b.id}`).join(', ')}.`,
    );
    return backups;
  } catch (error) {
    if (controller.signal.aborted || error instanceof AbortedError) {
      node?.reload();
      void ui.showInformationMessage(
        `Stopped waiting for the backup of ${what}. If it was already queued it still runs on Cloud 66; refresh to see it.`,
      );
    } else {
      if (error instanceof BackupFailedError) await revealBackups(c, node, [error.backup]);
      else node?.reload();
      void ui.showErrorMessage(`Backup of ${what} failed: ${describeError(error)}`);
    }
    return undefined;
  } finally {
    done?.();
  }
}

/** Reloads the stack's backups and selects the newest of `backups` in the tree. */
async function revealBackups(c: CommandContext, node: StackNode | undefined, backups: Backup[]) {
  if (!node || backups.length === 0) return;
  node.reload();
  const [newest] = backups;
  try {
    const shown = newest && (await node.findBackup(newest));
    if (shown) await c.view.reveal(shown, { select: true, focus: true, expand: false });
  } catch (error) {
    // The backup exists either way; failing to select it must not read as a failed backup.
    c.deps.log.warn(`Could not reveal backup ${newest?.id}: ${describeError(error)}`);
  }
}
