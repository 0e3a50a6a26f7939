import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, documented, keys, stackNamed } from '../../../test/helpers.js';
import { type Sandbox, startSandbox } from '../../index.js';

const BACKUP_FIELDS = keys(documented('backups-get').response);

// biome-ignore lint/suspicious/noExplicitAny: API JSON
async function allBackups(sb: Sandbox, uid: string, query = ''): Promise<any[]> {
  const out = [];
  for (let page = 1; ; page++) {
    const res = await api(sb, `/stacks/${uid}/backups?page=${page}${query}`);
    out.push(...res.json.response);
    if (res.json.pagination.next === null) return out;
  }
}

describe('backups', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, backups: 95 });
  });
  afterAll(() => sb.close());

  it('lists backups newest first with exactly the documented fields', async () => {
    const uid = stackNamed(sb, 'shop').uid;
    const res = await api(sb, `/stacks/${uid}/backups`);
    expect(res.status).toBe(200);
    expect(res.json.response).toHaveLength(30);
    for (const backup of res.json.response) {
      expect(keys(backup)).toEqual(BACKUP_FIELDS);
    }
    const ids = res.json.response.map((b: { id: number }) => b.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('seeds varied data: db types, failures, verification, restores, zero sizes, nulls', async () => {
    const stacks = sb.stacks().filter((s) => s.name !== 'bulk');
    const all = (await Promise.all(stacks.map((s) => allBackups(sb, s.uid)))).flat();
    expect(all.length).toBeGreaterThan(300);
    expect(new Set(all.map((b) => b.db_type))).toEqual(
      new Set(['mysql', 'postgresql', 'redis', 'mongodb']),
    );
    const failed = all.filter((b) => b.backup_status === 1);
    expect(failed.length).toBeGreaterThan(5);
    for (const b of failed) expect(b.backup_result.length).toBeGreaterThan(10);
    expect(all.some((b) => b.verify_status === 2)).toBe(true);
    expect(all.some((b) => b.verify_status === 3)).toBe(true);
    expect(all.some((b) => b.restore_status === 1)).toBe(true);
    expect(all.some((b) => b.backup_size === 0 && b.backup_status === 0)).toBe(true);
    expect(all.some((b) => b.backup_size > 250 * 1024 * 1024)).toBe(true);
    const empty = stackNamed(sb, 'fresh-app', 'development');
    expect((await allBackups(sb, empty.uid)).length).toBe(0);
  });

  it('paginates with previous/next null at the ends', async () => {
    const uid = stackNamed(sb, 'bulk').uid;
    const first = await api(sb, `/stacks/${uid}/backups`);
    expect(first.json.count).toBe(95);
    expect(first.json.pagination).toEqual({
      previous: null,
      next: 2,
      current: 1,
      per_page: 30,
      count: 95,
      pages: 4,
    });
    const last = await api(sb, `/stacks/${uid}/backups?page=4`);
    expect(last.json.response).toHaveLength(5);
    expect(last.json.pagination).toMatchObject({ previous: 3, next: null, current: 4 });
    const beyond = await api(sb, `/stacks/${uid}/backups?page=9`);
    expect(beyond.json.response).toEqual([]);
    expect(beyond.json.pagination.next).toBeNull();
    const all = await allBackups(sb, uid);
    expect(new Set(all.map((b) => b.id)).size).toBe(95);
    // per_page is not documented: pages stay at 30.
    const wide = await api(sb, `/stacks/${uid}/backups.json?per_page=100`);
    expect(wide.json.response).toHaveLength(30);
  });

  it('handles the 0, 30 and 31 item edges', async () => {
    for (const [count, pages, lastPage] of [
      [0, 1, 0],
      [30, 1, 30],
      [31, 2, 1],
    ] as const) {
      const stack = sb.createStack({ name: `edge-${count}`, backups: count });
      const res = await api(sb, `/stacks/${stack.uid}/backups?page=${pages}`);
      expect(res.json.count).toBe(count);
      expect(res.json.pagination.pages).toBe(pages);
      expect(res.json.pagination.next).toBeNull();
      expect(res.json.response).toHaveLength(lastPage);
    }
  });

  it('filters by db_type and group', async () => {
    const stack = stackNamed(sb, 'inventory');
    const redis = await allBackups(sb, stack.uid, '&db_type=redis');
    expect(redis.length).toBeGreaterThan(0);
    expect(redis.every((b) => b.db_type === 'redis')).toBe(true);
    const group = sb.backupGroups(stack.uid).find((g) => g.dbType === 'mongodb')?.group;
    const mongo = await allBackups(sb, stack.uid, `&group=${group}`);
    expect(mongo.length).toBeGreaterThan(0);
    expect(mongo.every((b) => b.db_type === 'mongodb')).toBe(true);
    const none = await api(sb, `/stacks/${stack.uid}/backups?group=${group}&db_type=redis`);
    expect(none.json.count).toBe(0);
    const total = (await api(sb, `/stacks/${stack.uid}/backups`)).json.count;
    const perType = await Promise.all(
      ['mysql', 'postgresql', 'redis', 'mongodb'].map(
        async (t) => (await api(sb, `/stacks/${stack.uid}/backups?db_type=${t}`)).json.count,
      ),
    );
    expect(perType.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('rejects an invalid db_type or group with 400', async () => {
    const uid = stackNamed(sb, 'shop').uid;
    const res = await api(sb, `/stacks/${uid}/backups?db_type=oracle`);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: 'bad_request',
      details: expect.stringContaining('oracle'),
    });
    expect((await api(sb, `/stacks/${uid}/backups?group=abc`)).status).toBe(400);
  });

  it('gets one backup, and 404s for unknown ids or another stack', async () => {
    const shop = stackNamed(sb, 'shop');
    const listed = (await api(sb, `/stacks/${shop.uid}/backups`)).json.response[3];
    const res = await api(sb, `/stacks/${shop.uid}/backups/${listed.id}`);
    expect(res.status).toBe(200);
    expect(res.json.response).toEqual(listed);
    const other = stackNamed(sb, 'blog');
    const wrongStack = await api(sb, `/stacks/${other.uid}/backups/${listed.id}`);
    expect(wrongStack.status).toBe(404);
    expect(wrongStack.json.details).toBe('Backup not found');
    expect((await api(sb, `/stacks/${shop.uid}/backups/99999999`)).status).toBe(404);
    expect((await api(sb, `/stacks/nope/backups`)).status).toBe(404);
  });

  it('addBackups adds the newest backups with the requested shape', async () => {
    const stack = sb.createStack({ name: 'adder', dbTypes: ['postgresql'] });
    const added = sb.addBackups(stack.uid, {
      dbType: 'postgresql',
      count: 3,
      sizeBytes: 4096 * 512,
      verified: true,
    });
    const failed = sb.addBackups(stack.uid, { dbType: 'postgresql', status: 'failed' });
    const res = await api(sb, `/stacks/${stack.uid}/backups`);
    expect(res.json.response.map((b: { id: number }) => b.id)).toEqual(
      [...added, ...failed].map((b) => b.id).reverse(),
    );
    expect(added[0]).toMatchObject({ backup_size: 4096 * 512, verify_status: 2, backup_status: 0 });
    expect(failed[0]).toMatchObject({ backup_status: 1, backup_size: 0 });
    expect(failed[0]?.backup_result).not.toBe('');
    expect(() => sb.addBackups(stack.uid, { dbType: 'redis' })).toThrow(/no redis database/);
  });

  it('serves tens of thousands of backups cheaply', async () => {
    const big = await startSandbox({ port: 0, backups: 100_000 });
    try {
      const uid = stackNamed(big, 'bulk').uid;
      const last = await api(big, `/stacks/${uid}/backups?page=3334&db_type=postgresql`);
      expect(last.json.count).toBe(50_000);
      expect(last.json.pagination.pages).toBe(1667);
      const page = await api(big, `/stacks/${uid}/backups?page=1667&db_type=postgresql`);
      expect(page.json.response).toHaveLength(50_000 - 1666 * 30);
      expect(page.json.response.every((b: { db_type: string }) => b.db_type === 'postgresql')).toBe(
        true,
      );
    } finally {
      await big.close();
    }
  });
});
