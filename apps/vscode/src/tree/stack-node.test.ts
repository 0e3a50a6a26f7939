import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, labels, startHarness } from '../../test/harness.js';
import { COMMANDS } from '../ids.js';
import { BackupGroupNode } from './backup-group-node.js';
import { BackupNode } from './backup-node.js';
import { StackNode } from './stack-node.js';

let h: Harness;
afterEach(async () => h?.close());

async function stack(name: string, environment = 'production'): Promise<StackNode> {
  const node = (await h.ext.tree.getChildren()).find(
    (n) => n instanceof StackNode && n.stack.name === name && n.stack.environment === environment,
  );
  if (!(node instanceof StackNode)) throw new Error(`no stack ${name}`);
  return node;
}

const listRequests = (uid: string) =>
  h.sb.requests.filter((r) => r.path.endsWith(`/stacks/${uid}/backups`)).map((r) => r.query);

describe('grouping backups by database type', () => {
  it('shows one group per type with its count, each paged on its own', async () => {
    h = await startHarness({ groupByDatabaseType: true });
    const shop = await stack('shop');
    const groups = await h.ext.tree.getChildren(shop);
    expect(labels(groups)).toEqual(['mysql', 'redis']);
    expect(groups.every((g) => g instanceof BackupGroupNode)).toBe(true);
    const counts = groups.map((g) => Number(String(g.treeItem().description).split(' ')[0]));
    expect(counts.reduce((a, b) => a + b)).toBe(160);

    const mysql = await h.ext.tree.getChildren(groups[0]);
    expect(mysql).toHaveLength(31);
    expect(
      mysql.slice(0, 30).every((b) => b instanceof BackupNode && b.backup.db_type === 'mysql'),
    ).toBe(true);
    expect(mysql[0]?.parent).toBe(groups[0]);
    // Page 1 of each type came with the discovery; only Load more asks for page 2.
    expect(listRequests(shop.stack.uid)).toHaveLength(5);
    await h.run(COMMANDS.loadMore, mysql.at(-1));
    expect(listRequests(shop.stack.uid).at(-1)).toMatchObject({ db_type: 'mysql', page: '2' });
    const more = await h.ext.tree.getChildren(groups[0]);
    expect(more.filter((b) => b instanceof BackupNode)).toHaveLength(Math.min(60, counts[0] ?? 0));
  });

  it('stays flat when the server sends no counts: nothing proves the groups hold every backup', async () => {
    h = await startHarness({ groupByDatabaseType: true });
    const { uid } = h.sb.createStack({ name: 'no-counts', dbTypes: ['mysql'], backups: 0 });
    const at = new Date().toISOString();
    const backup = {
      id: 7,
      db_type: 'mysql',
      backup_status: 0,
      backup_date_iso: at,
      created_at_iso: at,
    };
    // Pagination without any `count`: documented, but a server may leave it out.
    const body = {
      response: [backup],
      pagination: { previous: null, next: null, current: 1, per_page: 30, pages: 1 },
    };
    h.sb.faults.inject({
      route: 'backups.list',
      match: { stackUid: uid },
      kind: 'status',
      status: 200,
      body,
      times: Number.POSITIVE_INFINITY,
    });
    const children = await h.ext.tree.getChildren(await stack('no-counts'));
    expect(children).toHaveLength(1);
    expect(children[0]).toBeInstanceOf(BackupNode);
    expect(labels(children)).toEqual(['mysql']);
  });

  it('skips the group level for a stack with a single type', async () => {
    h = await startHarness({ groupByDatabaseType: true });
    const blog = await stack('blog');
    const backups = await h.ext.tree.getChildren(blog);
    expect(backups[0]).toBeInstanceOf(BackupNode);
    expect(backups[0]?.parent).toBe(blog);
    expect(labels(await h.ext.tree.getChildren(await stack('fresh-app', 'development')))).toEqual([
      'No backups yet',
    ]);
  });

  it('redraws when the setting changes', async () => {
    h = await startHarness();
    expect((await h.ext.tree.getChildren(await stack('shop')))[0]).toBeInstanceOf(BackupNode);
    h.setGrouping(true);
    expect(labels(await h.ext.tree.getChildren(await stack('shop')))).toEqual(['mysql', 'redis']);
  });

  it('reveals a new backup inside its group', async () => {
    h = await startHarness({ groupByDatabaseType: true, sandbox: { backupDelayMs: 100 } });
    const shop = await stack('shop');
    h.ui.picks.push(['redis'], []);
    await h.run(COMMANDS.createBackup, shop);
    const revealed = h.view.revealed.at(-1)?.element;
    expect(revealed).toBeInstanceOf(BackupNode);
    expect(revealed?.parent).toBeInstanceOf(BackupGroupNode);
    const group = revealed?.parent;
    expect(group instanceof BackupGroupNode && group.dbType).toBe('redis');
  });
});
