import { LoadMoreNode } from './load-more-node.js';
import { MessageNode } from './message-node.js';
import type { PagedList } from './paged-list.js';
import type { TreeContext, TreeNode } from './tree-node.js';

export interface PagedChildrenOptions<T> {
  parent: TreeNode | undefined;
  list: PagedList<T>;
  ctx: TreeContext;
  /** Returns the same node for the same item, so reveal and selection survive a re-render. */
  node(item: T): TreeNode;
  /** The empty state, e.g. "No backups yet". */
  empty: string;
}

/**
 * The children of a paged container: what is loaded, then "Load more…", or the empty
 * state, or the failure (keeping what did load) with Retry. Loads page 1 on first expand.
 */
export async function pagedChildren<T>(options: PagedChildrenOptions<T>): Promise<TreeNode[]> {
  const { parent, list, ctx } = options;
  if (!list.started || list.loading) await list.load();
  const nodes = list.items.map((item) => options.node(item));
  if (list.error !== undefined) {
    const what = list.items.length > 0 ? 'load more' : 'load';
    const retry = async () => {
      await list.load();
      ctx.changed(parent);
    };
    nodes.push(MessageNode.fromError(parent, list.error, retry, what));
  } else if (list.nextPage !== null) {
    nodes.push(new LoadMoreNode(parent, list, list.nextPage, ctx));
  } else if (nodes.length === 0) {
    nodes.push(MessageNode.info(parent, options.empty));
  }
  return nodes;
}
