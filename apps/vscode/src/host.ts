import type { createClient } from '@c66-backup/core';
import type * as vscode from 'vscode';

/** A single-choice or multi-choice quick pick, split so both stay simply typed. */
export interface Ui {
  showInputBox(options: vscode.InputBoxOptions): PromiseLike<string | undefined>;
  pickOne<T extends vscode.QuickPickItem>(
    items: readonly T[],
    options: vscode.QuickPickOptions,
  ): PromiseLike<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(
    items: readonly T[],
    options: vscode.QuickPickOptions,
  ): PromiseLike<readonly T[] | undefined>;
  showSaveDialog(options: vscode.SaveDialogOptions): PromiseLike<vscode.Uri | undefined>;
  showInformationMessage(message: string, ...actions: string[]): PromiseLike<string | undefined>;
  showWarningMessage(message: string, ...actions: string[]): PromiseLike<string | undefined>;
  showErrorMessage(message: string, ...actions: string[]): PromiseLike<string | undefined>;
  withProgress<R>(
    options: vscode.ProgressOptions,
    task: (
      progress: vscode.Progress<{ message?: string; increment?: number }>,
      token: vscode.CancellationToken,
    ) => PromiseLike<R>,
  ): PromiseLike<R>;
}

export interface Settings {
  /** The `c66Backup.apiUrl` setting as set (blank when unset). */
  apiUrl(): string;
  readonly onDidChangeApiUrl: vscode.Event<void>;
  groupByDatabaseType(): boolean;
  readonly onDidChangeGrouping: vscode.Event<void>;
  /** `c66Backup.staleAfterHours`: older newest good backups get a warning (0: no lookups). */
  staleAfterHours(): number;
  readonly onDidChangeStaleAfter: vscode.Event<void>;
  /** `c66Backup.downloadConnections`, read when a download starts. */
  downloadConnections(): number;
}

/** Lines for the "Cloud 66" output channel; never given a token or a download URL. */
export interface Log {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export interface Clock {
  now(): number;
}

/**
 * Everything the extension needs from VS Code and the outside world. `extension.ts` builds
 * it from the real API; tests pass fakes, so no module is ever patched.
 */
export interface ExtensionDeps {
  ui: Ui;
  secrets: vscode.SecretStorage;
  settings: Settings;
  /** Remembers small things across sessions (the last download folder). */
  state: vscode.Memento;
  clipboard: { writeText(text: string): PromiseLike<void> };
  openExternal(url: string): PromiseLike<boolean>;
  revealFile(path: string): PromiseLike<unknown>;
  setContext(key: string, value: unknown): PromiseLike<unknown>;
  createTreeView<T>(id: string, options: vscode.TreeViewOptions<T>): vscode.TreeView<T>;
  registerCommand(id: string, run: (...args: unknown[]) => unknown): vscode.Disposable;
  log: Log;
  clock: Clock;
  createClient: typeof createClient;
  /** The extension's version, for the User-Agent. */
  version: string;
  /** Poll interval while waiting for a new backup; undefined = the core's paced default. */
  backupPollIntervalMs?: number;
  /** Where save dialogs open before anything was downloaded. */
  defaultDownloadDir: string;
}
