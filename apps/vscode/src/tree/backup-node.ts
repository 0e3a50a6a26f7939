import { type Backup, type BackupFile, orderParts } from '@c66-backup/core';
import * as vscode from 'vscode';
import { CONTEXT } from '../ids.js';
import {
  backupDescription,
  backupIcon,
  backupLabel,
  backupTooltip,
} from './backup-presentation.js';
import { FileNode } from './file-node.js';
import { pagedChildren } from './paged-children.js';
import { PagedList } from './paged-list.js';
import type { TreeContext, TreeNode } from './tree-node.js';

/** A backup under its stack (or group); expands to its files (the parts of a split backup in order). */
export class BackupNode implements TreeNode {
  private files: PagedList<BackupFile>;
  private readonly fileNodes = new Map<string, FileNode>();

  constructor(
    /** The stack, or the stack's group of this database type. */
    readonly parent: TreeNode,
    readonly stackUid: string,
    public backup: Backup,
    private readonly ctx: TreeContext,
  ) {
    this.files = this.newFileList();
  }

  /** Takes a fresher copy of the backup (statuses change) and forgets its file list. */
  update(backup: Backup): void {
    this.backup = backup;
    this.files = this.newFileList();
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      backupLabel(this.backup),
      vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = `backup:${this.stackUid}:${this.backup.id}`;
    item.description = backupDescription(this.backup, this.ctx.clock.now());
    item.tooltip = backupTooltip(this.backup);
    item.iconPath = backupIcon(this.backup);
    item.contextValue =
      this.backup.backup_status.name === 'ok' ? CONTEXT.backupOk : CONTEXT.backupFailed;
    return item;
  }

  children(): Promise<TreeNode[]> {
    return pagedChildren({
      parent: this,
      list: this.files,
      ctx: this.ctx,
      empty: 'No files',
      node: (file) => {
        let node = this.fileNodes.get(file.id);
        if (!node) {
          node = new FileNode(this, file);
          this.fileNodes.set(file.id, node);
        }
        return node;
      },
    });
  }

  // A backup has a handful of files (one per 250 MB): all of them are listed at once, in
  // joining order, rather than paged.
  private newFileList(): PagedList<BackupFile> {
    return new PagedList(async () => {
      const client = await this.ctx.client();
      const files = await client.files.list(this.stackUid, this.backup.id).toArray();
      return { items: files.length > 1 ? inJoinOrder(files) : files, page: 1, next: null };
    });
  }
}

function inJoinOrder(files: BackupFile[]): BackupFile[] {
  try {
    return orderParts(files).parts;
  } catch {
    // Not a clean set of parts (the download will say why); still show what exists.
    return files;
  }
}
