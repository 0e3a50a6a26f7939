import { dirname, join } from 'node:path';
import {
  AbortedError,
  type DownloadProgress,
  type DownloadResult,
  describeChecks,
  describeProgress,
  formatBytes,
} from '@c66-backup/core';
import * as vscode from 'vscode';
import { describeError } from '../describe-error.js';
import { LAST_DOWNLOAD_DIR_KEY } from '../ids.js';
import type { CommandContext } from './command-context.js';
import { formatProgress } from './format-progress.js';

export interface DownloadJob {
  /** The name the save dialog proposes. */
  suggestedName: string;
  /** What is being downloaded, for titles: `backup 42 (mysql · shop)`. */
  what: string;
  run(
    file: string,
    signal: AbortSignal,
    onProgress: (p: DownloadProgress) => void,
  ): Promise<DownloadResult | Omit<DownloadResult, 'parts'>>;
}

export type DownloadOutcome = 'saved' | 'cancelled' | 'failed' | 'dismissed';

/**
 * The shared download flow: a save dialog in the last folder used, a cancellable progress
 * notification, then "Reveal in File Explorer". The core writes to a temporary file and
 * renames it only when complete, so a cancel or a failure leaves nothing at the target.
 */
export async function saveDownload(
  { deps }: CommandContext,
  job: DownloadJob,
): Promise<DownloadOutcome> {
  const { ui, state } = deps;
  const folder = state.get<string>(LAST_DOWNLOAD_DIR_KEY) ?? deps.defaultDownloadDir;
  const target = await ui.showSaveDialog({
    title: `Download ${job.what}`,
    saveLabel: 'Download',
    defaultUri: vscode.Uri.file(join(folder, job.suggestedName)),
  });
  if (!target) return 'dismissed';
  const file = target.fsPath;
  await state.update(LAST_DOWNLOAD_DIR_KEY, dirname(file));

  const controller = new AbortController();
  let result: DownloadResult | Omit<DownloadResult, 'parts'>;
  try {
    result = await ui.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Downloading ${job.what}`,
        cancellable: true,
      },
      async (progress, token) => {
        const subscription = token.onCancellationRequested(() => controller.abort());
        let percent = 0;
        try {
          // The save dialog already asked before replacing an existing file.
          return await job.run(file, controller.signal, (p) => {
            // VS Code adds up increments: report only the growth of the core's percent.
            const now = describeProgress(p).percent ?? percent;
            progress.report({ message: formatProgress(p), increment: Math.max(0, now - percent) });
            percent = Math.max(percent, now);
          });
        } finally {
          subscription.dispose();
        }
      },
    );
  } catch (error) {
    if (controller.signal.aborted || error instanceof AbortedError) {
      void ui.showInformationMessage(`Download of ${job.what} cancelled; nothing was saved.`);
      return 'cancelled';
    }
    deps.log.error(`Download of ${job.what} failed: ${describeError(error)}`);
    void ui.showErrorMessage(`Download of ${job.what} failed: ${describeError(error)}`);
    return 'failed';
  }

  // Says which checks ran (size, MD5, backup_size), never a bare "verified".
  const checks = describeChecks(result);
  deps.log.info(`Downloaded ${job.what}: ${result.bytes} bytes to ${result.path} (${checks})`);
  const reveal = 'Reveal in File Explorer';
  const choice = await ui.showInformationMessage(
    `Downloaded ${job.what} (${formatBytes(result.bytes)}, ${checks}) to ${result.path}.`,
    reveal,
  );
  if (choice === reveal) {
    // Not every host can open a local file manager (a browser-based VS Code cannot).
    try {
      await deps.revealFile(result.path);
    } catch (error) {
      void ui.showWarningMessage(
        `Saved to ${result.path}, but could not reveal it: ${describeError(error)}`,
      );
    }
  }
  return 'saved';
}
