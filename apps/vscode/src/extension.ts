import * as vscode from 'vscode';
import { activateWith } from './activate.js';
import { vscodeHost } from './vscode-host.js';

/** Entry point: wires the real VS Code API into the extension. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Cloud 66', { log: true });
  context.subscriptions.push(log, activateWith(vscodeHost(context, log)));
}

export function deactivate(): void {}
