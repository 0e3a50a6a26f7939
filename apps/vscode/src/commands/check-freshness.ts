import { AbortedError, checkFreshness as check, type Stack } from '@c66-backup/core';
import * as vscode from 'vscode';
import { describeError } from '../describe-error.js';
import { DEFAULT_STALE_AFTER_HOURS } from '../ids.js';
import { limitConcurrency } from '../limit-concurrency.js';
import type { CommandContext } from './command-context.js';

/** What one stack's check found, for the summary. */
interface Finding {
  stack: Stack;
  problems: string[];
  empty: boolean;
}

/**
 * "Check backup freshness": every stack, through the core's freshness check (newest good
 * backup per db type younger than `c66Backup.staleAfterHours`, newest backup not failed).
 * One line per stack in the output channel, the tree's icons updated, and a summary message.
 */
export async function checkFreshness(c: CommandContext): Promise<Finding[] | undefined> {
  const { ui, log, settings, clock } = c.deps;
  const client = await c.session.client();
  if (!client) {
    void ui.showErrorMessage('Sign in to Cloud 66 first.');
    return undefined;
  }
  const hours =
    settings.staleAfterHours() > 0 ? settings.staleAfterHours() : DEFAULT_STALE_AFTER_HOURS;
  const controller = new AbortController();
  try {
    const findings = await ui.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'Checking backup freshness',
        cancellable: true,
      },
      async (progress, token) => {
        const subscription = token.onCancellationRequested(() => controller.abort());
        try {
          const stacks = await client.stacks.list({ signal: controller.signal }).toArray();
          const queue = limitConcurrency(3);
          let done = 0;
          return await Promise.all(
            stacks.map((stack) =>
              queue(async (): Promise<Finding> => {
                const report = await check(client, stack.uid, 'all', {
                  maxAgeMs: hours * 3_600_000,
                  signal: controller.signal,
                  now: () => clock.now(),
                });
                c.tree.findStack(stack.uid)?.setFreshness({ state: 'loaded', report });
                const label = `${stack.name} (${stack.environment})`;
                if (report.fresh) log.info(`Backups fresh: ${label}`);
                else log.warn(`Backups need attention: ${label}: ${report.problems.join('; ')}`);
                progress.report({ message: `${++done} of ${stacks.length} stacks` });
                return { stack, problems: report.problems, empty: report.dbTypes.length === 0 };
              }),
            ),
          );
        } finally {
          subscription.dispose();
        }
      },
    );
    void report(c, findings, hours);
    return findings;
  } catch (error) {
    if (controller.signal.aborted || error instanceof AbortedError) {
      void ui.showInformationMessage('Stopped checking backup freshness.');
    } else {
      void ui.showErrorMessage(`Could not check backup freshness: ${describeError(error)}`);
    }
    return undefined;
  }
}

/** One message for all stacks: fresh ones counted, the others named with their first problem. */
function report(c: CommandContext, findings: Finding[], hours: number) {
  const { ui } = c.deps;
  const stale = findings.filter((f) => !f.empty && f.problems.length > 0);
  const empty = findings.filter((f) => f.empty);
  const fresh = findings.length - stale.length - empty.length;
  const none =
    empty.length > 0 ? ` ${empty.length} ha${empty.length === 1 ? 's' : 've'} no backups yet.` : '';
  if (stale.length === 0) {
    return ui.showInformationMessage(
      `Backups fresh on ${fresh} of ${findings.length} stacks (newest good backup of each database under ${hours} h).${none}`,
    );
  }
  const named = stale
    .slice(0, 3)
    .map((f) => `${f.stack.name} (${f.stack.environment}): ${f.problems[0]}`)
    .join('; ');
  const more = stale.length > 3 ? ` and ${stale.length - 3} more (see the Cloud 66 output)` : '';
  return ui.showWarningMessage(
    `${stale.length} of ${findings.length} stacks need attention: ${named}${more}.${none}`,
  );
}
