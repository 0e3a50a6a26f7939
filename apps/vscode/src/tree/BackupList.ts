import type { Backup } from '@c66-backup/core';
import { BackupNode } from './BackupNode.js';
import { PagedList, type PageLike } from './PagedList.js';
import { pagedChildren } from './pagedChildren.js';
import type { TreeContext, TreeNode } from './TreeNode.js';

/**
 * The backups under one tree node (a stack, or one database type of a stack), newest
 * first, page by page. Keeps one node per backup id so selection and reveal survive a
 * re-render or a reload.
 */
export class BackupList {
  private list: PagedList<Backup>;
  private readonly nodes = new Map<number, BackupNode>();

  constructor(
    private readonly owner: TreeNode,
    private readonly stackUid: string,
    private readonly ctx: TreeContext,
    private readonly dbType?: string,
    first?: PageLike<Backup>,
  ) {
    this.list = this.newList(first);
  }

  /** Forgets what is loaded; the next `children()` fetches page 1 again. */
  reload(): void {
    this.list = this.newList();
  }

  children(): Promise<TreeNode[]> {
    return pagedChildren({
      parent: this.owner,
      list: this.list,
      ctx: this.ctx,
      empty: 'No backups yet',
      node: (backup) => {
        let node = this.nodes.get(backup.id);
        if (!node) {
          node = new BackupNode(this.owner, this.stackUid, backup, this.ctx);
          this.nodes.set(backup.id, node);
        } else if (node.backup !== backup) {
          node.update(backup); // a reload: statuses may have changed
        }
        return node;
      },
    });
  }

  /** The node of a loaded backup: the very object the tree shows. */
  find(id: number): BackupNode | undefined {
    return this.list.items.some((b) => b.id === id) ? this.nodes.get(id) : undefined;
  }

  private newList(first?: PageLike<Backup>): PagedList<Backup> {
    return new PagedList(async (n) => {
      const client = await this.ctx.client();
      const filter = this.dbType ? { dbType: this.dbType } : {};
      return client.backups.list(this.stackUid, filter).page(n);
    }, first);
  }
}
