import { describe, expect, it } from 'vitest';
import { sandboxClient, useSandbox } from '../test/sandbox.js';
import type { Backup, Paginated } from './index.js';
import type { ListChange } from './list-change.js';

const sandbox = useSandbox();

/** 60 postgresql backups, then 40 newer mysql ones on top: 100, newest first. */
function mixedStack(name: string) {
  const sb = sandbox();
  const uid = sb.createStack({ name, dbTypes: ['postgresql', 'mysql'], backups: 0 }).uid;
  sb.addBackups(uid, { dbType: 'postgresql', count: 60, sizeBytes: 1000 });
  sb.addBackups(uid, { dbType: 'mysql', count: 40, sizeBytes: 1000 });
  return uid;
}

type Walk = (list: Paginated<Backup>) => Promise<number[]>;

/** Every way an app consumes a list, each returning the ids it was handed, in order. */
const styles: Record<string, Walk> = {
  'for await': async (list) => {
    const ids: number[] = [];
    for await (const b of list) ids.push(b.id);
    return ids;
  },
  'pages()': async (list) => {
    const ids: number[] = [];
    for await (const page of list.pages({ concurrency: 1 }))
      ids.push(...page.items.map((b) => b.id));
    return ids;
  },
  toArray: async (list) => (await list.toArray()).map((b) => b.id),
  'page(n) as "Load more"': async (list) => {
    const ids: number[] = [];
    for (let n: number | null = 1; n !== null; ) {
      const page: Awaited<ReturnType<typeof list.page>> = await list.page(n);
      ids.push(...page.items.map((b) => b.id));
      n = page.next !== null && page.next > n ? page.next : null;
    }
    return ids;
  },
};

// `told`: whether ids or counts can reveal the change at all. One in at the top and one
// out of a page already read leave every later item where it was: nothing to see, and
// nothing to miss either.
const shifts = {
  'insert at the top': { shift: { insert: 1 }, told: true },
  'prune the oldest mysql (on a page already read)': {
    shift: { prune: 1, dbType: 'mysql' },
    told: true,
  },
  'insert at the top, prune at the bottom (count unchanged)': {
    shift: { insert: 1, prune: 1, dbType: 'postgresql' },
    told: true,
  },
  'three in at the top, two out of a page already read': {
    shift: { insert: 3, prune: 2, dbType: 'mysql' },
    told: true,
  },
  'one in at the top, one out of a page already read (no visible trace)': {
    shift: { insert: 1, prune: 1, dbType: 'mysql' },
    told: false,
  },
};

describe('a list that changes between two page requests', () => {
  for (const [style, walk] of Object.entries(styles)) {
    for (const [what, { shift, told }] of Object.entries(shifts)) {
      it(`${style}, ${what}: each backup once, none that stayed is missed, the change is told`, async () => {
        const sb = sandbox();
        const uid = mixedStack(`${style}-${what}`);
        const { client } = sandboxClient(sb);
        const before = (await client.backups.list(uid).toArray()).map((b) => b.id);
        // The change lands after page 2 is served, before page 3 is asked.
        sb.faults.inject({ route: 'backups.list', kind: 'shift', ...shift, match: { page: 2 } });
        const changes: ListChange[] = [];
        const list = client.backups.list(uid, {
          concurrency: 1,
          onListChange: (c) => changes.push(c),
        });
        const ids = await walk(list);
        const after = new Set((await client.backups.list(uid).toArray()).map((b) => b.id));
        expect(new Set(ids).size).toBe(ids.length);
        const survivors = before.filter((id) => after.has(id));
        expect(survivors.filter((id) => !ids.includes(id))).toEqual([]);
        if (told) {
          expect(changes).toHaveLength(1);
          expect(changes[0]).toMatchObject({ kind: 'shifted', page: 3 });
        } else {
          expect(changes).toEqual([]);
        }
        sb.faults.clear();
      });
    }
  }

  it('the pruned case really loses one without recovery: the page before holds it now', async () => {
    const sb = sandbox();
    const uid = mixedStack('recovery');
    const { client } = sandboxClient(sb);
    const page2 = await client.backups.list(uid).page(2);
    sb.faults.inject({
      route: 'backups.list',
      kind: 'shift',
      prune: 1,
      dbType: 'mysql',
      match: { page: 2 },
    });
    const changes: ListChange[] = [];
    const list = client.backups.list(uid, { onListChange: (c) => changes.push(c) });
    const ids = await styles['page(n) as "Load more"']?.(list);
    // The backup first on page 3 before the prune slid onto page 2 and was fetched again.
    expect(changes).toEqual([
      { kind: 'shifted', page: 3, countBefore: 100, countNow: 99, repeated: 0, recovered: 1 },
    ]);
    const slid = (await client.backups.list(uid).page(2)).items.at(-1)?.id;
    expect(page2.items.map((b) => b.id)).not.toContain(slid);
    expect(ids).toContain(slid);
    sb.faults.clear();
  });

  it('with the default prefetch (8 pages at once) the guarantees hold too', async () => {
    const sb = sandbox();
    const uid = sb.createStack({ name: 'prefetch', dbTypes: ['mysql'], backups: 400 }).uid;
    const { client } = sandboxClient(sb);
    const before = (await client.backups.list(uid).toArray()).map((b) => b.id);
    sb.faults.inject({
      route: 'backups.list',
      kind: 'shift',
      insert: 2,
      prune: 5,
      match: { page: 1 },
    });
    const changes: ListChange[] = [];
    const ids = (
      await client.backups.list(uid, { onListChange: (c) => changes.push(c) }).toArray()
    ).map((b) => b.id);
    const after = new Set((await client.backups.list(uid).toArray()).map((b) => b.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(before.filter((id) => after.has(id) && !ids.includes(id))).toEqual([]);
    expect(changes.length).toBeGreaterThanOrEqual(1);
    sb.faults.clear();
  });

  it('a list that holds still reports nothing', async () => {
    const sb = sandbox();
    const uid = mixedStack('still');
    const changes: ListChange[] = [];
    const { client } = sandboxClient(sb);
    const list = client.backups.list(uid, { onListChange: (c) => changes.push(c) });
    expect(await list.toArray()).toHaveLength(100);
    expect(changes).toEqual([]);
  });
});
