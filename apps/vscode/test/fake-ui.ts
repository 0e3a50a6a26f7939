import * as vscode from 'vscode';
import type { Ui } from '../src/host.js';

export interface Message {
  level: 'info' | 'warning' | 'error';
  text: string;
  actions: string[];
}

type PickAnswer = string | string[] | undefined;
type InputAnswer = string | string[] | undefined;

/** Thrown when the code under test asks something the test did not script. */
export class UnscriptedPromptError extends Error {}

/**
 * A scripted user: answers prompts from queues, applies each input box's `validateInput`
 * like VS Code (an invalid answer is refused and the next one tried), records messages and
 * progress, and can press Cancel on a progress notification.
 */
export class FakeUi implements Ui {
  /** Answers to input boxes; an array is tried in turn until one validates. */
  readonly inputs: InputAnswer[] = [];
  /** Quick pick answers by label (an array for multi-select). */
  readonly picks: PickAnswer[] = [];
  readonly saveDialogs: (string | undefined)[] = [];
  /** The action chosen on the next messages that offer it. */
  chooseAction: string | undefined;
  readonly messages: Message[] = [];
  readonly prompts: vscode.InputBoxOptions[] = [];
  readonly rejected: string[] = [];
  readonly saveDialogOptions: vscode.SaveDialogOptions[] = [];
  readonly pickedFrom: vscode.QuickPickItem[][] = [];
  readonly progress: { title?: string; message?: string; increment?: number }[] = [];
  /** Called on every progress report; call `cancel()` to press the notification's Cancel. */
  onProgress: ((report: { message?: string }, cancel: () => void) => void) | undefined;

  async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    this.prompts.push(options);
    if (this.inputs.length === 0)
      throw new UnscriptedPromptError(`unexpected input box: ${options.title ?? options.prompt}`);
    const answer = this.inputs.shift();
    if (answer === undefined) return undefined;
    for (const candidate of Array.isArray(answer) ? answer : [answer]) {
      const problem = await options.validateInput?.(candidate);
      const text = typeof problem === 'string' ? problem : problem?.message;
      if (!text) return candidate;
      this.rejected.push(text);
    }
    throw new UnscriptedPromptError(
      `every scripted answer was refused: ${this.rejected.join('; ')}`,
    );
  }

  async pickOne<T extends vscode.QuickPickItem>(items: readonly T[]): Promise<T | undefined> {
    const [picked] = this.pick(items, false);
    return picked;
  }

  async pickMany<T extends vscode.QuickPickItem>(
    items: readonly T[],
  ): Promise<readonly T[] | undefined> {
    const answer = this.picks[0];
    if (answer === undefined && this.picks.length > 0) {
      this.picks.shift();
      return undefined;
    }
    return this.pick(items, true);
  }

  async showSaveDialog(options: vscode.SaveDialogOptions): Promise<vscode.Uri | undefined> {
    this.saveDialogOptions.push(options);
    if (this.saveDialogs.length === 0) throw new UnscriptedPromptError('unexpected save dialog');
    const path = this.saveDialogs.shift();
    return path === undefined ? undefined : vscode.Uri.file(path);
  }

  async showInformationMessage(text: string, ...actions: string[]) {
    return this.message('info', text, actions);
  }

  async showWarningMessage(text: string, ...actions: string[]) {
    return this.message('warning', text, actions);
  }

  async showErrorMessage(text: string, ...actions: string[]) {
    return this.message('error', text, actions);
  }

  async withProgress<R>(
    options: vscode.ProgressOptions,
    task: (
      progress: vscode.Progress<{ message?: string; increment?: number }>,
      token: vscode.CancellationToken,
    ) => PromiseLike<R>,
  ): Promise<R> {
    const cancelled = new vscode.EventEmitter<void>();
    const token = { isCancellationRequested: false, onCancellationRequested: cancelled.event };
    const cancel = () => {
      if (!options.cancellable) throw new Error('this progress cannot be cancelled');
      if (token.isCancellationRequested) return;
      token.isCancellationRequested = true;
      cancelled.fire();
    };
    this.progress.push({ ...(options.title ? { title: options.title } : {}) });
    return task(
      {
        report: (report) => {
          this.progress.push(report);
          this.onProgress?.(report, cancel);
        },
      },
      token as vscode.CancellationToken,
    );
  }

  private message(level: Message['level'], text: string, actions: string[]) {
    this.messages.push({ level, text, actions });
    return this.chooseAction && actions.includes(this.chooseAction) ? this.chooseAction : undefined;
  }

  private pick<T extends vscode.QuickPickItem>(items: readonly T[], many: boolean): T[] {
    this.pickedFrom.push([...items]);
    if (this.picks.length === 0)
      throw new UnscriptedPromptError(
        `unexpected quick pick: ${items.map((i) => i.label).join(', ')}`,
      );
    const answer = this.picks.shift();
    if (answer === undefined) return [];
    const labels = Array.isArray(answer) ? answer : [answer];
    if (!many && labels.length !== 1) throw new Error('a single-choice pick needs one label');
    return labels.map((label) => {
      const item = items.find((i) => i.label === label);
      if (!item)
        throw new UnscriptedPromptError(
          `no item "${label}" in ${items.map((i) => i.label).join(', ')}`,
        );
      return item;
    });
  }
}
