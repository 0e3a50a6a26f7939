import type { Client } from '@c66-backup/core';
import type * as vscode from 'vscode';
import type { Clock } from '../host.js';

/** One element of the Backups tree. Nodes keep their parent so `TreeView.reveal` works. */
export interface TreeNode {
  readonly parent: TreeNode | undefined;
  treeItem(): vscode.TreeItem;
  /** Children of an expandable node; leaves answer `[]`. */
  children(): Promise<TreeNode[]>;
}

/** What nodes need from their surroundings. */
export interface TreeContext {
  /** The current client; throws `SignedOutError` when there is no token. */
  client(): Promise<Client>;
  clock: Clock;
  /** The `c66Backup.groupByDatabaseType` setting, read when a stack expands. */
  groupByDatabaseType(): boolean;
  /** `c66Backup.staleAfterHours` in ms; 0: do not look up the stacks' freshness. */
  staleAfterMs(): number;
  /** Runs background lookups a few at a time (the freshness of every shown stack). */
  queue<T>(task: () => Promise<T>): Promise<T>;
  /** Re-renders `node` (or the whole tree) without refetching what it already holds. */
  changed(node?: TreeNode): void;
}

/** The tree was asked for data while no token is stored. */
export class SignedOutError extends Error {
  readonly code = 'SIGNED_OUT';
  constructor() {
    super('not signed in');
    this.name = 'SignedOutError';
  }
}
