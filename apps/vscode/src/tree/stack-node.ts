import { type Backup, checkFreshness, DB_TYPES, type Stack } from '@c66-backup/core';
import * as vscode from 'vscode';
import { CONTEXT } from '../ids.js';
import { BackupGroupNode } from './backup-group-node.js';
import { BackupList, type FirstPage } from './backup-list.js';
import type { BackupNode } from './backup-node.js';
import { pagedChildren } from './paged-children.js';
import { PagedList } from './paged-list.js';
import { appendFreshness, needsAttention, type StackFreshness } from './stack-freshness.js';
import type { TreeContext, TreeNode } from './tree-node.js';

/**
 * A stack at the top of the tree. Expands to its backups, newest first, 30 a page; or,
 * with `c66Backup.groupByDatabaseType` and several database types, to one group per type.
 */
export class StackNode implements TreeNode {
  readonly parent = undefined;
  /** What runs on the stack now ("backing up…"), shown after the environment. */
  private readonly running: string[] = [];
  private flat: BackupList;
  /** Grouped mode: the groups, found with one filtered request per database type. */
  private groups: PagedList<BackupGroupNode> | undefined;
  /** Grouped mode, when the stack has a single database type: no group level. */
  private single: BackupList | undefined;
  /** Freshness of the stack's backups, loaded once shown (when the setting is not 0). */
  private freshness: StackFreshness | undefined;

  constructor(
    public stack: Stack,
    private readonly ctx: TreeContext,
  ) {
    this.flat = new BackupList(this, stack.uid, ctx);
  }

  /** Forgets the loaded backups; the next expand (or reveal) fetches page 1 again. */
  reload(): void {
    this.flat = new BackupList(this, this.stack.uid, this.ctx);
    this.groups = undefined;
    this.single = undefined;
    this.freshness = undefined;
    this.ctx.changed(this);
  }

  /** Takes a freshness report found elsewhere (the "Check backup freshness" command). */
  setFreshness(freshness: StackFreshness): void {
    this.freshness = freshness;
    this.ctx.changed(this);
  }

  /** Looks up the freshness through the core, queued with the other stacks'. */
  private loadFreshness(maxAgeMs: number): void {
    this.freshness = { state: 'loading' };
    const mine = this.freshness;
    void this.ctx
      .queue(async () => {
        const client = await this.ctx.client();
        return checkFreshness(client, this.stack.uid, 'all', {
          maxAgeMs,
          now: () => this.ctx.clock.now(),
        });
      })
      .then(
        (report): StackFreshness => ({ state: 'loaded', report }),
        (error: unknown): StackFreshness => ({ state: 'error', error }),
      )
      .then((result) => {
        // A reload meanwhile started over: this answer is for backups no longer shown.
        if (this.freshness === mine) this.setFreshness(result);
      });
  }

  /** Shows `label` on the stack until the returned function is called (calls may overlap). */
  startBusy(label: string): () => void {
    this.running.push(label);
    this.ctx.changed(this);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running.splice(this.running.indexOf(label), 1);
      this.ctx.changed(this);
    };
  }

  /** Loads what is needed to show `backup` and returns its node, the one the tree shows. */
  async findBackup(backup: Pick<Backup, 'id' | 'db_type'>): Promise<BackupNode | undefined> {
    await this.children();
    if (!this.grouped()) return this.flat.find(backup.id);
    if (this.single) return this.single.find(backup.id);
    const group = this.groups?.items.find((g) => g.dbType === backup.db_type);
    await group?.children();
    return group?.backups.find(backup.id);
  }

  treeItem(): vscode.TreeItem {
    const { stack } = this;
    const item = new vscode.TreeItem(stack.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `stack:${stack.uid}`;
    const busy = this.running.at(-1);
    item.description = busy ? `${stack.environment} · ${busy}` : stack.environment;
    const staleAfterMs = this.ctx.staleAfterMs();
    if (staleAfterMs > 0 && !this.freshness) this.loadFreshness(staleAfterMs);
    item.iconPath = busy
      ? new vscode.ThemeIcon('sync~spin')
      : needsAttention(this.freshness)
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
        : new vscode.ThemeIcon('server-environment');
    item.contextValue = CONTEXT.stack;
    const md = new vscode.MarkdownString();
    md.appendMarkdown('**');
    md.appendText(stack.name);
    md.appendMarkdown('**\n\n');
    const rows: [string, string | null | undefined][] = [
      ['UID', stack.uid],
      ['Environment', stack.environment],
      ['Cloud', stack.cloud],
      ['Status', stack.status?.label],
      ['Health', stack.health?.label],
    ];
    // A field the server did not send is left out, never shown as `undefined`.
    for (const [name, value] of rows) {
      if (!value) continue;
      md.appendMarkdown(`**${name}:** `);
      md.appendText(value);
      md.appendMarkdown('  \n');
    }
    if (this.freshness) appendFreshness(md, this.freshness);
    item.tooltip = md;
    return item;
  }

  async children(): Promise<TreeNode[]> {
    if (!this.grouped()) return this.flat.children();
    this.groups ??= this.findGroups();
    const nodes = await pagedChildren({
      parent: this,
      list: this.groups,
      ctx: this.ctx,
      empty: 'No backups yet',
      node: (group) => group,
    });
    return this.single ? this.single.children() : nodes;
  }

  private grouped(): boolean {
    return this.ctx.groupByDatabaseType();
  }

  // Page 1 of each documented type, plus the unfiltered count: if the types do not add up
  // (a type the docs do not list), grouping would hide backups, so the list stays flat.
  // The same when a count is missing: nothing proves the groups hold every backup.
  private findGroups(): PagedList<BackupGroupNode> {
    return new PagedList(async () => {
      const client = await this.ctx.client();
      const uid = this.stack.uid;
      // Each list is kept with its page 1: "Load more" goes on with the same walk.
      const lists = [
        client.backups.list(uid),
        ...DB_TYPES.map((dbType) => client.backups.list(uid, { dbType })),
      ];
      const [all, ...byType] = await Promise.all(
        lists.map(async (list) => ({ list, page: await list.page(1) })),
      );
      const present = DB_TYPES.map((dbType, i) => ({ dbType, first: byType[i] })).filter(
        (t): t is { dbType: (typeof DB_TYPES)[number]; first: FirstPage } =>
          t.first !== undefined && t.first.page.items.length > 0,
      );
      // Counts are optional (field policy): without every one, the grouping stays flat.
      const counts = present.map((t) => t.first.page.count);
      const total = counts.every((c) => c !== undefined)
        ? counts.reduce((sum, c) => sum + c, 0)
        : undefined;
      this.single = undefined;
      if (all && (total === undefined || total !== all.page.count))
        this.single = new BackupList(this, uid, this.ctx, undefined, all);
      else if (present.length === 1 && present[0]) {
        this.single = new BackupList(this, uid, this.ctx, present[0].dbType, present[0].first);
      }
      const groups = this.single
        ? []
        : present.map((t) => new BackupGroupNode(this, t.dbType, t.first, this.ctx));
      return { items: groups, page: 1, next: null };
    });
  }
}
