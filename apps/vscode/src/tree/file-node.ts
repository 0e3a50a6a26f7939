import type { BackupFile } from '@c66-backup/core';
import * as vscode from 'vscode';
import { CONTEXT } from '../ids.js';
import type { BackupNode } from './backup-node.js';
import type { TreeNode } from './tree-node.js';

/** One file of a backup: the whole `.tar`, or one part (`x.tar-ab`) of a split backup. */
export class FileNode implements TreeNode {
  constructor(
    readonly parent: BackupNode,
    readonly file: BackupFile,
  ) {}

  get stackUid(): string {
    return this.parent.stackUid;
  }

  get backupId(): number {
    return this.parent.backup.id;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.file.name, vscode.TreeItemCollapsibleState.None);
    item.id = `file:${this.stackUid}:${this.backupId}:${this.file.id}`;
    item.description = this.file.id;
    item.tooltip = `${this.file.name} (file id ${this.file.id}) of backup ${this.backupId}`;
    item.iconPath = new vscode.ThemeIcon('file-zip');
    item.contextValue = CONTEXT.file;
    return item;
  }

  async children(): Promise<TreeNode[]> {
    return [];
  }
}
