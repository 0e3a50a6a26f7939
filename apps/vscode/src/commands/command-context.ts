import type * as vscode from 'vscode';
import type { ExtensionDeps } from '../host.js';
import type { Session } from '../session.js';
import type { BackupsTreeProvider } from '../tree/backups-tree-provider.js';
import type { TreeNode } from '../tree/tree-node.js';

/** What every command receives: the injected host, the session, the tree and its view. */
export interface CommandContext {
  deps: ExtensionDeps;
  session: Session;
  tree: BackupsTreeProvider;
  view: vscode.TreeView<TreeNode>;
}
