import type { Backup, Stack } from '@c66-backup/core';
import * as vscode from 'vscode';
import { CONTEXT } from '../ids.js';
import { BackupNode } from './BackupNode.js';
import { PagedList } from './PagedList.js';
import { pagedChildren } from './pagedChildren.js';
import type { TreeContext, TreeNode } from './TreeNode.js';

/** A stack at the top of the tree; expands to its backups, newest first, 30 a page. */
export class StackNode implements TreeNode {
  readonly parent = undefined;
  /** Shown after the environment while something runs on the stack ("backing up…"). */
  busy: string | undefined;
  private backups: PagedList<Backup>;
  private readonly backupNodes = new Map<number, BackupNode>();

  constructor(
    public stack: Stack,
    private readonly ctx: TreeContext,
  ) {
    this.backups = this.newBackupList();
  }

  /** Forgets the loaded backups; the next expand (or reveal) fetches page 1 again. */
  reload(): void {
    this.backups = this.newBackupList();
    this.ctx.changed(this);
  }

  setBusy(busy: string | undefined): void {
    this.busy = busy;
    this.ctx.changed(this);
  }

  /** The node of a loaded backup, the same object the tree shows. */
  backupNode(id: number): BackupNode | undefined {
    return this.backups.items.some((b) => b.id === id) ? this.backupNodes.get(id) : undefined;
  }

  /** Loads the first page if needed, so a new backup can be found and revealed. */
  async ensureLoaded(): Promise<void> {
    await this.children();
  }

  treeItem(): vscode.TreeItem {
    const { stack } = this;
    const item = new vscode.TreeItem(stack.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `stack:${stack.uid}`;
    item.description = this.busy ? `${stack.environment} · ${this.busy}` : stack.environment;
    item.iconPath = new vscode.ThemeIcon(this.busy ? 'sync~spin' : 'server-environment');
    item.contextValue = CONTEXT.stack;
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**');
    md.appendText(stack.name);
    md.appendMarkdown('**\n\n');
    const rows: [string, string | null][] = [
      ['UID', stack.uid],
      ['Environment', stack.environment],
      ['Cloud', stack.cloud],
      ['Status', stack.status.label],
      ['Health', stack.health.label],
    ];
    for (const [name, value] of rows) {
      if (!value) continue;
      md.appendMarkdown(`**${name}:** `);
      md.appendText(value);
      md.appendMarkdown('  \n');
    }
    item.tooltip = md;
    return item;
  }

  children(): Promise<TreeNode[]> {
    return pagedChildren({
      parent: this,
      list: this.backups,
      ctx: this.ctx,
      empty: 'No backups yet',
      node: (backup) => {
        let node = this.backupNodes.get(backup.id);
        if (node) {
          // Same object: a re-render. A new one: the list was reloaded, statuses may differ.
          if (node.backup !== backup) node.update(backup);
        } else {
          node = new BackupNode(this, backup, this.ctx);
          this.backupNodes.set(backup.id, node);
        }
        return node;
      },
    });
  }

  private newBackupList(): PagedList<Backup> {
    return new PagedList(async (n) => {
      const client = await this.ctx.client();
      return client.backups.list(this.stack.uid).page(n);
    });
  }
}
