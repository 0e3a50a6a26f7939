import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../test/helpers.js';
import { type Sandbox, startSandbox } from '../index.js';

const ids = async (sb: Sandbox, path: string) =>
  ((await api(sb, path)).json.response as { id: number }[]).map((b) => b.id);

describe('a backup list that changes between two page requests (fault shift)', () => {
  let sb: Sandbox;
  let uid: string;
  beforeEach(async () => {
    sb = await startSandbox({ backups: 0 });
    uid = sb.createStack({ name: 'live', dbTypes: ['mysql', 'redis'], backups: 60 }).uid;
  });
  afterEach(() => sb.close());

  it('insert: after page 1, a new backup tops the list and page 2 repeats the last of page 1', async () => {
    sb.faults.inject({ route: 'backups.list', kind: 'shift', insert: 1, match: { page: 1 } });
    const page1 = await ids(sb, `/stacks/${uid}/backups?page=1`);
    const page2 = await ids(sb, `/stacks/${uid}/backups?page=2`);
    expect(page2[0]).toBe(page1.at(-1));
    const now = await api(sb, `/stacks/${uid}/backups?page=1`);
    expect(now.json.count).toBe(61);
    expect(now.json.response[0].id).toBeGreaterThan(page1[0] ?? 0);
  });

  it('prune: the oldest backups of the db type go from lists and lookups', async () => {
    const before = await ids(sb, `/stacks/${uid}/backups?page=2&db_type=redis`);
    sb.faults.inject({
      route: 'backups.list',
      kind: 'shift',
      prune: 2,
      dbType: 'redis',
      match: { page: 1 },
    });
    await api(sb, `/stacks/${uid}/backups?page=1`);
    const all = await api(sb, `/stacks/${uid}/backups?page=2`);
    expect(all.json.count).toBe(58);
    const gone = before.slice(-2);
    const listed = (all.json.response as { id: number }[]).map((b) => b.id);
    for (const id of gone) {
      expect(listed).not.toContain(id);
      expect((await api(sb, `/stacks/${uid}/backups/${id}`)).status).toBe(404);
    }
  });

  it('both: one in, one out, the count stays the same', async () => {
    sb.faults.inject({
      route: 'backups.list',
      kind: 'shift',
      insert: 1,
      prune: 1,
      match: { page: 1 },
    });
    const first = await api(sb, `/stacks/${uid}/backups?page=1`);
    const second = await api(sb, `/stacks/${uid}/backups?page=2`);
    expect(second.json.count).toBe(first.json.count);
    expect(second.json.response[0].id).toBe(first.json.response.at(-1).id);
  });
});
