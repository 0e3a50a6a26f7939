import type { Client, Stack } from '@c66-backup/core';
import * as vscode from 'vscode';
import type { Clock, Settings } from '../host.js';
import { limitConcurrency } from '../limit-concurrency.js';
import type { Session } from '../session.js';
import { pagedChildren } from './paged-children.js';
import { PagedList } from './paged-list.js';
import { StackNode } from './stack-node.js';
import { SignedOutError, type TreeContext, type TreeNode } from './tree-node.js';

/**
 * The Backups view: stacks -> backups -> files. Loaded pages are kept until a refresh, a
 * sign-in change or an `apiUrl` change (those drop everything, so nothing stale survives).
 */
export class BackupsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly ctx: TreeContext;
  private stacks: PagedList<Stack>;
  private readonly stackNodes = new Map<string, StackNode>();
  private filterText: string | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly session: Session,
    clock: Clock,
    settings: Pick<
      Settings,
      'groupByDatabaseType' | 'onDidChangeGrouping' | 'staleAfterHours' | 'onDidChangeStaleAfter'
    >,
  ) {
    this.ctx = {
      client: () => this.client(),
      clock,
      groupByDatabaseType: () => settings.groupByDatabaseType(),
      staleAfterMs: () => Math.max(0, settings.staleAfterHours()) * 3_600_000,
      queue: limitConcurrency(3),
      changed: (node) => this.emitter.fire(node),
    };
    this.stacks = this.newStackList();
    this.subscriptions = [
      session.onDidChange(() => this.refresh()),
      settings.onDidChangeGrouping(() => this.refresh()),
      settings.onDidChangeStaleAfter(() => this.refresh()),
    ];
  }

  /** The stack filter (case-insensitive part of a name or environment), if any. */
  get filter(): string | undefined {
    return this.filterText;
  }

  setFilter(text: string | undefined): void {
    this.filterText = text?.trim() || undefined;
    this.refresh();
  }

  /** Drops everything loaded and redraws from the top. */
  refresh(): void {
    this.stacks = this.newStackList();
    this.stackNodes.clear();
    this.emitter.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.children();
    // Signed out: no items, so VS Code shows the welcome view with its Sign in button.
    if (!(await this.session.client())) return [];
    const empty = this.filterText ? `No stacks match "${this.filterText}"` : 'No stacks yet';
    return pagedChildren({
      parent: undefined,
      list: this.stacks,
      ctx: this.ctx,
      empty,
      node: (stack) => this.stackNode(stack),
    });
  }

  /** The node shown for a stack uid, if its page is loaded. */
  findStack(uid: string): StackNode | undefined {
    return this.stackNodes.get(uid);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }

  private stackNode(stack: Stack): StackNode {
    let node = this.stackNodes.get(stack.uid);
    if (!node) {
      node = new StackNode(stack, this.ctx);
      this.stackNodes.set(stack.uid, node);
    }
    node.stack = stack;
    return node;
  }

  private async client(): Promise<Client> {
    const client = await this.session.client();
    if (!client) throw new SignedOutError();
    return client;
  }

  private newStackList(): PagedList<Stack> {
    const filter = this.filterText?.toLowerCase();
    return new PagedList(async (n) => {
      const client = await this.client();
      if (!filter) return client.stacks.list().page(n);
      // The API filters by exact name only; a person types part of a name or environment.
      const all = await client.stacks.list().toArray();
      const items = all.filter(
        (s) =>
          s.name.toLowerCase().includes(filter) || s.environment.toLowerCase().includes(filter),
      );
      return { items, page: 1, next: null };
    });
  }
}
