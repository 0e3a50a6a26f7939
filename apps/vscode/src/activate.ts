import type * as vscode from 'vscode';
import type { CommandContext } from './commands/command-context.js';
import { registerCommands } from './commands/register-commands.js';
import type { ExtensionDeps } from './host.js';
import { VIEW_ID } from './ids.js';
import { Session } from './session.js';
import { BackupsTreeProvider } from './tree/backups-tree-provider.js';
import type { TreeNode } from './tree/tree-node.js';

/** The running extension: what `activate` built, handed to tests. */
export interface Activated extends CommandContext, vscode.Disposable {
  disposables: vscode.Disposable[];
}

/** Builds the session, the tree and the commands from injected dependencies. */
export function activateWith(deps: ExtensionDeps): Activated {
  const session = new Session(deps);
  const tree = new BackupsTreeProvider(session, deps.clock, deps.settings);
  const view: vscode.TreeView<TreeNode> = deps.createTreeView(VIEW_ID, {
    treeDataProvider: tree,
    showCollapseAll: true,
  });
  const context: CommandContext = { deps, session, tree, view };
  // Sets the `c66Backup.signedIn` context key at once, so the welcome view is right.
  void session.client();
  const disposables: vscode.Disposable[] = [session, tree, view, ...registerCommands(context)];
  return {
    ...context,
    disposables,
    dispose: () => {
      for (const d of disposables.reverse()) d.dispose();
    },
  };
}
