import * as vscode from 'vscode';
import { activateShell, type ShellHost } from './shell/activate-shell.js';

type Main = typeof import('./main.js');

/**
 * Entry point (`dist/extension.js`): registers the view and the commands, nothing more; the
 * rest and the core (`dist/main.js`, a bundle of its own) load when first needed.
 */
export function activate(context: vscode.ExtensionContext): void {
  const host: ShellHost = {
    createTreeView: <T>(id: string, options: vscode.TreeViewOptions<T>) =>
      vscode.window.createTreeView(id, options),
    registerCommand: (id: string, run: (...args: unknown[]) => unknown) =>
      vscode.commands.registerCommand(id, run),
  };
  // A plain require of the sibling bundle: esbuild leaves it external (esbuild.mjs).
  const load = (shell: ShellHost) => (require('./main.js') as Main).start(context, shell);
  context.subscriptions.push(activateShell(host, load));
}

export function deactivate(): void {}
