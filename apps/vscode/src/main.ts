import * as vscode from 'vscode';
import { activateWith } from './activate.js';
import type { ShellHost } from './shell/activate-shell.js';
import { vscodeHost } from './vscode-host.js';

/**
 * The part of the extension loaded on first use (bundled as `dist/main.js`, with the core):
 * the session, the tree and the commands, on the view and command table the shell made.
 */
export function start(context: vscode.ExtensionContext, shell: ShellHost): vscode.Disposable {
  const log = vscode.window.createOutputChannel('Cloud 66', { log: true });
  const activated = activateWith(vscodeHost(context, log, shell));
  return {
    dispose: () => {
      activated.dispose();
      log.dispose();
    },
  };
}
