import type { Backup, Page, Paginated } from '@c66-backup/core';
import { BackupNode } from './backup-node.js';
import { pagedChildren } from './paged-children.js';
import { PagedList } from './paged-list.js';
import type { TreeContext, TreeNode } from './tree-node.js';

/** Page 1 fetched elsewhere, with the list it came from (its later pages are one walk). */
export interface FirstPage {
  page: Page<Backup>;
  list: Paginated<Backup>;
}

/**
 * The backups under one tree node (a stack, or one database type of a stack), newest
 * first, page by page. Keeps one node per backup id so selection and reveal survive a
 * re-render or a reload. "Load more" asks the core's list page by page as one walk, so
 * no backup shows twice; when the list shifted under it (a new backup, a pruned one), the
 * node refreshes from page 1.
 */
export class BackupList {
  private list: PagedList<Backup>;
  private readonly nodes = new Map<number, BackupNode>();
  /** Set when a loaded page reported that the list shifted: refresh on the next render. */
  private shifted = false;

  constructor(
    private readonly owner: TreeNode,
    private readonly stackUid: string,
    private readonly ctx: TreeContext,
    private readonly dbType?: string,
    first?: FirstPage,
  ) {
    this.list = this.newList(first);
  }

  /** Forgets what is loaded; the next `children()` fetches page 1 again. */
  reload(): void {
    this.list = this.newList();
  }

  children(): Promise<TreeNode[]> {
    if (this.shifted) {
      this.shifted = false;
      this.reload();
    }
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

  private newList(first?: FirstPage): PagedList<Backup> {
    let walk = first?.list;
    return new PagedList(async (n) => {
      if (!walk || n === 1) {
        const client = await this.ctx.client();
        walk = client.backups.list(this.stackUid, this.dbType ? { dbType: this.dbType } : {});
      }
      const page = await walk.page(n);
      if (page.change?.kind === 'shifted') this.shifted = true;
      return page;
    }, first?.page);
  }
}
