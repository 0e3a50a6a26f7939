import { describe, expect, it } from 'vitest';
import { apiRequests, sandboxClient, useSandbox } from '../test/sandbox.js';
import { DB_TYPES, ForbiddenError, InvalidInputError } from './index.js';

const sandbox = useSandbox({ backupDelayMs: 50, importDelayMs: 50 });

describe('createClient', () => {
  it('sends the token, Accept, a name/version (os; arch) User-Agent and a fresh Request-Id', async () => {
    const sb = sandbox();
    sb.clearRequests();
    const { client } = sandboxClient(sb, { userAgent: 'c66-backup-test/9.9.9' });
    await client.stacks.list().toArray();
    await client.stacks.list().toArray();
    const sent = apiRequests(sb, '/stacks');
    expect(sent).toHaveLength(2);
    for (const request of sent) {
      expect(request.headers.authorization).toBe(`Bearer ${sb.token}`);
      expect(request.headers.accept).toBe('application/json');
      expect(request.headers['user-agent']).toBe(
        `c66-backup-test/9.9.9 (${process.platform}; ${process.arch})`,
      );
      expect(request.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(sent[0]?.headers['request-id']).not.toBe(sent[1]?.headers['request-id']);
  });

  it('defaults the User-Agent to c66-backup-core/<version>', async () => {
    const sb = sandbox();
    sb.clearRequests();
    const { client } = sandboxClient(sb);
    await client.stacks.list().page(1);
    expect(apiRequests(sb, '/stacks')[0]?.headers['user-agent']).toMatch(
      /^c66-backup-core\/\d+\.\d+\.\d+ \(\w+; \w+\)$/,
    );
  });

  it('sends X-Account only when an account is chosen', async () => {
    const sb = sandbox();
    sb.clearRequests();
    await sandboxClient(sb, { accountId: 4242 }).client.stacks.list().page(1);
    await sandboxClient(sb).client.stacks.list().page(1);
    const sent = apiRequests(sb, '/stacks').map((r) => r.headers['x-account']);
    expect(sent).toEqual(['4242', undefined]);
  });

  it('rejects a missing token before sending anything', () => {
    expect(() => sandboxClient(sandbox(), { token: ' ' })).toThrow(InvalidInputError);
  });

  it('reads baseUrl through parseApiUrl: http(s) only, trailing slashes dropped', async () => {
    const sb = sandbox();
    expect(() => sandboxClient(sb, { baseUrl: 'ftp://example.com' })).toThrow(InvalidInputError);
    sb.clearRequests();
    await sandboxClient(sb, { baseUrl: `${sb.apiUrl}//` })
      .client.stacks.list()
      .page(1);
    expect(apiRequests(sb, '/stacks')).toHaveLength(1);
  });

  it('reports every attempt to onRequest without the token', async () => {
    const sb = sandbox();
    const { client, events } = sandboxClient(sb);
    const [stack] = await client.stacks.list().toArray({ limit: 1 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      method: 'GET',
      path: '/stacks?page=1',
      status: 200,
      attempt: 1,
    });
    expect(JSON.stringify(events)).not.toContain(sb.token);
    expect(stack?.uid).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('stacks', () => {
  it('lists every stack with decoded status and health, and gets one by uid', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    const stacks = await client.stacks.list().toArray();
    expect(stacks.map((s) => s.uid)).toEqual(sb.stacks().map((s) => s.uid));
    const first = stacks[0];
    if (!first) throw new Error('no stack');
    expect(first.status).toEqual(expect.objectContaining({ code: expect.any(Number) }));
    expect(first.health?.label).toMatch(/\w/);
    expect(first.created_at_iso).toBeInstanceOf(Date);
    const fetched = await client.stacks.get(first.uid);
    expect(fetched.uid).toBe(first.uid);
    expect(fetched.name).toBe(first.name);
  });

  it('passes the name and environment filters', async () => {
    const sb = sandbox();
    sb.clearRequests();
    const { client } = sandboxClient(sb);
    const target = sb.stacks()[1];
    if (!target) throw new Error('no stack');
    const found = await client.stacks
      .list({ name: target.name, environment: target.environment })
      .toArray();
    expect(found.map((s) => s.uid)).toEqual([target.uid]);
    expect(apiRequests(sb, '/stacks')[0]?.query).toMatchObject({
      filter_name: target.name,
      filter_environment: target.environment,
    });
  });
});

describe('backups', () => {
  it('lists newest first, filtered by db type and group, and gets one by id', async () => {
    const sb = sandbox();
    sb.clearRequests();
    const { client } = sandboxClient(sb);
    const stack = sb.createStack({ name: 'list-me', dbTypes: ['mysql', 'redis'], backups: 40 });
    const all = await client.backups.list(stack.uid).toArray();
    expect(all).toHaveLength(40);
    const ids = all.map((b) => b.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const mysql = await client.backups.list(stack.uid, { dbType: 'mysql' }).toArray();
    expect(mysql.length).toBeGreaterThan(0);
    expect(mysql.every((b) => b.db_type === 'mysql')).toBe(true);
    expect(mysql.length).toBe(all.filter((b) => b.db_type === 'mysql').length);
    const group = sb.backupGroups(stack.uid)[0];
    if (!group) throw new Error('no group');
    const inGroup = await client.backups.list(stack.uid, { group: group.group }).toArray();
    expect(inGroup.length).toBeGreaterThan(0);
    expect(inGroup.length).toBeLessThan(all.length);
    expect(inGroup.every((b) => b.db_type === group.dbType)).toBe(true);
    expect(apiRequests(sb, `/stacks/${stack.uid}/backups`).at(-1)?.query.group).toBe(
      String(group.group),
    );
    const one = all[3];
    if (!one) throw new Error('no backup');
    const fetched = await client.backups.get(stack.uid, one.id);
    expect(fetched).toEqual(one);
  });

  it('creates a backup task with every option, as documented', async () => {
    const sb = sandbox();
    sb.clearRequests();
    const { client } = sandboxClient(sb);
    const stack = sb.createStack({ name: 'create-me', dbTypes: ['postgresql', 'redis'] });
    const queued = await client.backups.create(stack.uid, {
      dbTypes: ['postgresql', 'redis'],
      frequency: '0 3 * * *',
      keepCount: 7,
      gzip: true,
      excludedTables: 'sessions,logs',
      runOnReplicaServer: true,
    });
    expect(queued).toEqual({ ok: true, message: 'queued for creation' });
    const tasks = sb.backupTasks(stack.uid);
    expect(tasks.map((t) => t.dbType).sort()).toEqual(['postgresql', 'redis']);
    expect(tasks[0]).toMatchObject({
      frequency: '0 3 * * *',
      keepCount: 7,
      gzip: true,
      excludedTables: 'sessions,logs',
      runOnReplicaServer: true,
    });
    expect(apiRequests(sb, `/stacks/${stack.uid}/backups`, 'POST')).toHaveLength(1);
  });

  it('rejects an empty db type list without sending', async () => {
    const { client } = sandboxClient(sandbox());
    await expect(client.backups.create('x'.repeat(32), { dbTypes: [] })).rejects.toThrow(
      InvalidInputError,
    );
  });

  it('imports an external backup (admin token) and refuses with a read-only token', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    const stack = sb.createStack({ name: 'import-me', dbTypes: ['mysql'] });
    const group = sb.backupGroups(stack.uid)[0];
    if (!group) throw new Error('no group');
    const request = {
      group: group.group,
      dbType: 'mysql',
      remoteUrl: 'https://example.com/dump.tar',
    };
    const readOnly = sandboxClient(sb, { token: sb.readOnlyToken }).client;
    await expect(readOnly.backups.import(stack.uid, request)).rejects.toThrow(ForbiddenError);
    const queued = await client.backups.import(stack.uid, request);
    expect(queued).toEqual({ ok: true, message: 'Your external backup queued for upload' });
    const post = apiRequests(sb, `/stacks/${stack.uid}/backups`, 'POST').at(-1);
    expect(post?.headers['content-type']).toContain('application/json');
  });
});

describe('files', () => {
  it("lists a backup's files and returns a download URL with the double encoding undone", async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    const stack = sb.createStack({ name: 'files-me', dbTypes: ['mysql'], backups: 1 });
    const [backup] = await client.backups.list(stack.uid).toArray();
    if (!backup) throw new Error('no backup');
    const files = await client.files.list(stack.uid, backup.id).toArray();
    expect(files.map((f) => f.id)).toEqual(sb.backupFiles(stack.uid, backup.id).map((f) => f.id));
    const file = files[0];
    if (!file) throw new Error('no file');
    const url = await client.files.get(stack.uid, backup.id, file.id);
    expect(url.ok).toBe(true);
    expect(url.publicUrl).not.toContain('%25');
    expect(new URL(url.publicUrl).searchParams.get('Signature')).toBeTruthy();
    // The URL as returned downloads: the signature survived decoding exactly once.
    const response = await fetch(url.publicUrl, { headers: { Range: 'bytes=0-15' } });
    expect(response.status).toBe(206);
    await response.arrayBuffer();
  });

  it('splits big backups into ordered parts', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    const stack = sb.createStack({ name: 'big-me', dbTypes: ['mysql'] });
    const [backup] = sb.addBackups(stack.uid, { dbType: 'mysql', sizeBytes: 700 * 1024 * 1024 });
    if (!backup) throw new Error('no backup');
    const files = await client.files.list(stack.uid, backup.id).toArray();
    expect(files.map((f) => f.id)).toEqual(['tar-aa', 'tar-ab', 'tar-ac']);
  });

  it('knows every documented db type', () => {
    expect(DB_TYPES).toEqual(['mysql', 'postgresql', 'redis', 'mongodb']);
  });
});
