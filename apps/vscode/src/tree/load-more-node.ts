import * as vscode from 'vscode';
import { COMMANDS, CONTEXT } from '../ids.js';
import type { PagedList } from './paged-list.js';
import type { TreeContext, TreeNode } from './tree-node.js';

/** "Load more…" after a page: fetches exactly the page it was made for, once. */
export class LoadMoreNode implements TreeNode {
  constructor(
    readonly parent: TreeNode | undefined,
    private readonly list: PagedList<unknown>,
    /** The page this item loads; a click on a stale item (page already in) does nothing. */
    readonly page: number,
    private readonly ctx: TreeContext,
  ) {}

  async load(): Promise<void> {
    const wasLoading = this.list.loading;
    const loading = this.list.load(this.page);
    if (wasLoading) return loading; // a second click joins the first
    if (this.list.loading) this.ctx.changed(this); // show the spinner on this item
    await loading;
    this.ctx.changed(this.parent);
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
    item.contextValue = CONTEXT.loadMore;
    item.iconPath = new vscode.ThemeIcon(this.list.loading ? 'loading~spin' : 'ellipsis');
    item.tooltip = `Load page ${this.page}`;
    item.command = { command: COMMANDS.loadMore, title: 'Load more…', arguments: [this] };
    return item;
  }

  async children(): Promise<TreeNode[]> {
    return [];
  }
}
