import { UnauthenticatedError } from '@c66-backup/core';
import * as vscode from 'vscode';
import { describeError } from '../describe-error.js';
import { COMMANDS, CONTEXT } from '../ids.js';
import { SignedOutError, type TreeNode } from './tree-node.js';

type Kind = 'info' | 'error' | 'signIn';

/**
 * A line of text in the tree: an empty state ("No backups yet"), a failure with a retry
 * action, or a prompt to sign in again. States live in the tree, not in pop-ups.
 */
export class MessageNode implements TreeNode {
  private constructor(
    readonly parent: TreeNode | undefined,
    readonly kind: Kind,
    readonly label: string,
    readonly detail?: string,
    /** What the Retry command runs for an error line. */
    readonly retry?: () => Promise<void>,
  ) {}

  static info(parent: TreeNode | undefined, label: string): MessageNode {
    return new MessageNode(parent, 'info', label);
  }

  /** "Could not load: <reason>" with Retry, or "Token rejected — sign in again". */
  static fromError(
    parent: TreeNode | undefined,
    error: unknown,
    retry: () => Promise<void>,
    what = 'load',
  ): MessageNode {
    if (error instanceof UnauthenticatedError) {
      return new MessageNode(
        parent,
        'signIn',
        'Token rejected — sign in again',
        describeError(error),
      );
    }
    if (error instanceof SignedOutError) {
      return new MessageNode(parent, 'signIn', 'Sign in to Cloud 66');
    }
    const reason = describeError(error);
    return new MessageNode(parent, 'error', `Could not ${what}: ${reason}`, reason, retry);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.tooltip = this.detail ?? this.label;
    switch (this.kind) {
      case 'info':
        item.contextValue = CONTEXT.message;
        item.iconPath = new vscode.ThemeIcon('info');
        break;
      case 'error':
        item.contextValue = CONTEXT.error;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.command = { command: COMMANDS.retry, title: 'Retry', arguments: [this] };
        break;
      case 'signIn':
        item.contextValue = CONTEXT.message;
        item.iconPath = new vscode.ThemeIcon('key');
        item.command = { command: COMMANDS.signIn, title: 'Sign in' };
        break;
    }
    return item;
  }

  async children(): Promise<TreeNode[]> {
    return [];
  }
}
