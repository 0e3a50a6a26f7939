import * as vscode from 'vscode';
import { CONTEXT } from '../ids.js';
import { BackupList, type FirstPage } from './backup-list.js';
import type { StackNode } from './stack-node.js';
import type { TreeContext, TreeNode } from './tree-node.js';

/** The backups of one database type of a stack, when backups are grouped by type. */
export class BackupGroupNode implements TreeNode {
  readonly backups: BackupList;
  /** How many backups of this type, as page 1 reported it (absent: not shown). */
  private readonly count: number | undefined;

  constructor(
    readonly parent: StackNode,
    readonly dbType: string,
    /** Page 1 of this type, fetched while finding which types the stack has. */
    first: FirstPage,
    ctx: TreeContext,
  ) {
    this.count = first.page.count;
    this.backups = new BackupList(this, parent.stack.uid, ctx, dbType, first);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.dbType, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `group:${this.parent.stack.uid}:${this.dbType}`;
    if (this.count !== undefined) {
      item.description = `${this.count} backup${this.count === 1 ? '' : 's'}`;
    }
    item.iconPath = new vscode.ThemeIcon('database');
    item.contextValue = CONTEXT.group;
    return item;
  }

  children(): Promise<TreeNode[]> {
    return this.backups.children();
  }
}
