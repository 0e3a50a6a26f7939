import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, labels, startHarness } from '../../test/harness.js';
import { COMMANDS } from '../ids.js';
import { LoadMoreNode } from '../tree/load-more-node.js';
import type { TreeNode } from '../tree/tree-node.js';

let h: Harness;
afterEach(async () => h?.close());

const pageRequests = (h: Harness, uid: string, page: number) =>
  h.sb.requests.filter(
    (r) => r.path.endsWith(`/stacks/${uid}/backups`) && String(r.query.page) === String(page),
  ).length;

async function shopBackups(
  h: Harness,
): Promise<{ uid: string; stack: TreeNode; backups: TreeNode[] }> {
  const shop = h.sb.stacks().find((s) => s.name === 'shop' && s.environment === 'production');
  if (!shop) throw new Error('seeded shop stack missing');
  const stack = (await h.ext.tree.getChildren()).find(
    (n) => n.treeItem().id === `stack:${shop.uid}`,
  );
  if (!stack) throw new Error('shop not in the tree');
  return { uid: shop.uid, stack, backups: await h.ext.tree.getChildren(stack) };
}

describe('Load more…', () => {
  it('adds the next 30 backups, in order, and a new "Load more…"', async () => {
    h = await startHarness();
    const { stack, backups } = await shopBackups(h);
    const more = backups.at(-1);
    expect(more).toBeInstanceOf(LoadMoreNode);
    const changed: unknown[] = [];
    h.ext.tree.onDidChangeTreeData((node) => changed.push(node));
    await h.run(COMMANDS.loadMore, more);
    expect(changed).toEqual([more, stack]); // the item's spinner, then the grown list
    const after = await h.ext.tree.getChildren(stack);
    expect(after).toHaveLength(61);
    expect(after.slice(0, 30)).toEqual(backups.slice(0, 30)); // same nodes: selection survives
    const ids = after.slice(0, 60).map((b) => Number(String(b.treeItem().id).split(':').pop()));
    expect(new Set(ids).size).toBe(60);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(labels(after.slice(-1))).toEqual(['Load more…']);
  });

  it('fetches a page once for a double click, and not at all for a stale item', async () => {
    h = await startHarness({ sandbox: { latencyMs: 50 } });
    const { uid, stack, backups } = await shopBackups(h);
    const more = backups.at(-1);
    await Promise.all([h.run(COMMANDS.loadMore, more), h.run(COMMANDS.loadMore, more)]);
    expect(pageRequests(h, uid, 2)).toBe(1);
    await h.run(COMMANDS.loadMore, more); // the old item, clicked again after the load
    expect(pageRequests(h, uid, 2)).toBe(1);
    expect(pageRequests(h, uid, 3)).toBe(0);
    expect(await h.ext.tree.getChildren(stack)).toHaveLength(61);
  });

  it('a list that shifted under "Load more…": no backup twice, then the node refreshes from page 1', async () => {
    h = await startHarness();
    const stack = h.sb.createStack({ name: 'shifting', dbTypes: ['mysql'], backups: 75 });
    const node = (await h.ext.tree.getChildren()).find(
      (n) => n.treeItem().id === `stack:${stack.uid}`,
    );
    const first = await h.ext.tree.getChildren(node);
    // Between page 1 and page 2, a scheduled backup lands on top: page 2 now repeats the
    // last backup of page 1.
    const [newest] = h.sb.addBackups(stack.uid, { dbType: 'mysql' });
    await h.run(COMMANDS.loadMore, first.at(-1));
    const after = await h.ext.tree.getChildren(node);
    const ids = after.map((n) => String(n.treeItem().id)).filter((id) => id.startsWith('backup:'));
    expect(new Set(ids).size).toBe(ids.length);
    // Refreshed: page 1 again, now topped by the backups added meanwhile.
    expect(after).toHaveLength(31);
    expect(ids[0]).toBe(`backup:${stack.uid}:${newest?.id}`);
    expect(ids.slice(1)).toEqual(first.slice(0, 29).map((n) => String(n.treeItem().id)));
  });

  it('ends without "Load more…" on the last page', async () => {
    h = await startHarness();
    const stack = h.sb.createStack({ name: 'two-pages', dbTypes: ['mysql'], backups: 45 });
    const node = (await h.ext.tree.getChildren()).find(
      (n) => n.treeItem().id === `stack:${stack.uid}`,
    );
    const first = await h.ext.tree.getChildren(node);
    await h.run(COMMANDS.loadMore, first.at(-1));
    const all = await h.ext.tree.getChildren(node);
    expect(all).toHaveLength(45);
    expect(all.some((n) => n instanceof LoadMoreNode)).toBe(false);
  });
});

describe('Load more… failing', () => {
  it('keeps the loaded page, shows "Could not load more: …" and Retry fetches that page', async () => {
    h = await startHarness();
    const { uid, stack, backups } = await shopBackups(h);
    h.sb.faults.inject({
      route: 'backups.list',
      kind: 'status',
      status: 400,
      body: { error: 'bad_request', error_description: 'page two is broken' },
      times: 1,
    });
    await h.run(COMMANDS.loadMore, backups.at(-1));
    const failed = await h.ext.tree.getChildren(stack);
    expect(failed).toHaveLength(31);
    expect(labels(failed.slice(-1))).toEqual(['Could not load more: page two is broken']);
    await h.run(COMMANDS.retry, failed.at(-1));
    expect(await h.ext.tree.getChildren(stack)).toHaveLength(61);
    expect(pageRequests(h, uid, 2)).toBe(2);
  });
});
