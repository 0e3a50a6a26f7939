import { homedir } from 'node:os';
import { createClient, DEFAULT_CONNECTIONS } from '@c66-backup/core';
import * as vscode from 'vscode';
import type { ExtensionDeps, Log, Ui } from './host.js';
import {
  API_URL_SETTING,
  CONNECTIONS_SETTING,
  DEFAULT_STALE_AFTER_HOURS,
  GROUP_SETTING,
  STALE_SETTING,
} from './ids.js';

/**
 * The real dependencies, from the `vscode` API (the only file that reaches for its globals),
 * but the view and the commands: those the shell registered at activation (`shell`).
 */
export function vscodeHost(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  shell: Pick<ExtensionDeps, 'createTreeView' | 'registerCommand'>,
): ExtensionDeps {
  const ui: Ui = {
    showInputBox: (options) => vscode.window.showInputBox(options),
    pickOne: (items, options) =>
      vscode.window.showQuickPick(items, { ...options, canPickMany: false }),
    pickMany: (items, options) =>
      vscode.window.showQuickPick(items, { ...options, canPickMany: true }),
    showSaveDialog: (options) => vscode.window.showSaveDialog(options),
    showInformationMessage: (message, ...actions) =>
      vscode.window.showInformationMessage(message, ...actions),
    showWarningMessage: (message, ...actions) =>
      vscode.window.showWarningMessage(message, ...actions),
    showErrorMessage: (message, ...actions) => vscode.window.showErrorMessage(message, ...actions),
    withProgress: (options, task) => vscode.window.withProgress(options, task),
  };
  const apiUrlChanged = new vscode.EventEmitter<void>();
  const groupingChanged = new vscode.EventEmitter<void>();
  const staleAfterChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    apiUrlChanged,
    groupingChanged,
    staleAfterChanged,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(API_URL_SETTING)) apiUrlChanged.fire();
      if (e.affectsConfiguration(GROUP_SETTING)) groupingChanged.fire();
      if (e.affectsConfiguration(STALE_SETTING)) staleAfterChanged.fire();
    }),
  );
  const logLines: Log = {
    info: (line) => log.info(line),
    warn: (line) => log.warn(line),
    error: (line) => log.error(line),
  };
  return {
    ui,
    secrets: context.secrets,
    settings: {
      // As set (blank when unset): the session reads it through the core's parseApiUrl.
      apiUrl: () => vscode.workspace.getConfiguration().get<string>(API_URL_SETTING) ?? '',
      onDidChangeApiUrl: apiUrlChanged.event,
      groupByDatabaseType: () =>
        vscode.workspace.getConfiguration().get<boolean>(GROUP_SETTING) === true,
      onDidChangeGrouping: groupingChanged.event,
      staleAfterHours: () =>
        vscode.workspace.getConfiguration().get<number>(STALE_SETTING) ?? DEFAULT_STALE_AFTER_HOURS,
      onDidChangeStaleAfter: staleAfterChanged.event,
      downloadConnections: () =>
        vscode.workspace.getConfiguration().get<number>(CONNECTIONS_SETTING) ?? DEFAULT_CONNECTIONS,
    },
    state: context.globalState,
    clipboard: vscode.env.clipboard,
    openExternal: (url) => vscode.env.openExternal(vscode.Uri.parse(url)),
    revealFile: async (path) => {
      const uri = vscode.Uri.file(path);
      try {
        await vscode.commands.executeCommand('revealFileInOS', uri);
      } catch {
        // A browser-based VS Code has no OS file manager: show it in the Explorer view.
        await vscode.commands.executeCommand('revealInExplorer', uri);
      }
    },
    setContext: (key, value) => vscode.commands.executeCommand('setContext', key, value),
    createTreeView: shell.createTreeView,
    registerCommand: shell.registerCommand,
    log: logLines,
    clock: { now: () => Date.now() },
    createClient,
    version: String(context.extension.packageJSON.version ?? '0.0.0'),
    defaultDownloadDir: homedir(),
  };
}
