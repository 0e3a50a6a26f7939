import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, eventually, stackNamed } from '../../../test/helpers.js';
import { type Sandbox, startSandbox } from '../../index.js';

describe('create and import', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({
      port: 0,
      backupDelayMs: 150,
      importDelayMs: 100,
      failDbTypes: ['redis'],
    });
  });
  afterAll(() => sb.close());

  const latest = async (uid: string, dbType: string) =>
    (await api(sb, `/stacks/${uid}/backups?db_type=${dbType}`)).json.response[0];

  it('queues a backup that appears after the delay, not before', async () => {
    const stack = sb.createStack({ name: 'lifecycle', dbTypes: ['mysql', 'redis'], backups: 4 });
    const before = await latest(stack.uid, 'mysql');
    const requestAt = Date.now();
    const res = await api(sb, `/stacks/${stack.uid}/backups`, {
      method: 'POST',
      body: {
        db_type: 'mysql',
        frequency: '0 3 * * *',
        keep_count: 7,
        gzip: true,
        excluded_tables: 'sessions',
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ response: { ok: true, message: 'queued for creation' } });
    expect((await latest(stack.uid, 'mysql')).id).toBe(before.id);
    const created = await eventually(async () => {
      const top = await latest(stack.uid, 'mysql');
      return top.id > before.id ? top : undefined;
    });
    expect(Date.now() - requestAt).toBeGreaterThanOrEqual(140);
    expect(created.backup_status).toBe(0);
    expect(created.skip_tables).toBe('sessions');
    expect(Date.parse(created.created_at_iso)).toBeGreaterThanOrEqual(requestAt);
    expect(Date.parse(created.backup_date_iso)).toBeGreaterThanOrEqual(requestAt);
    expect(sb.backupTasks(stack.uid)).toEqual([
      expect.objectContaining({
        dbType: 'mysql',
        frequency: '0 3 * * *',
        keepCount: 7,
        gzip: true,
      }),
    ]);
  });

  it('creates one backup per db type for "all", failing the configured types', async () => {
    const stack = sb.createStack({ name: 'all-types', dbTypes: ['mysql', 'redis'] });
    const res = await api(sb, `/stacks/${stack.uid}/backups`, {
      method: 'POST',
      body: { db_type: 'all' },
    });
    expect(res.status).toBe(200);
    const [mysql, redis] = await eventually(async () => {
      const m = await latest(stack.uid, 'mysql');
      const r = await latest(stack.uid, 'redis');
      return m && r ? [m, r] : undefined;
    });
    expect(mysql.backup_status).toBe(0);
    expect(redis.backup_status).toBe(1);
    expect(redis.backup_result).toMatch(/\w{10,}/);
  });

  it('accepts form-encoded parameters too', async () => {
    const stack = sb.createStack({ name: 'form', dbTypes: ['postgresql'] });
    const res = await fetch(`${sb.apiUrl}/stacks/${stack.uid}/backups`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${sb.token}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'db_type=postgresql&run_on_replica_server=true',
    });
    expect(res.status).toBe(200);
    expect(sb.backupTasks(stack.uid)[0]).toMatchObject({
      dbType: 'postgresql',
      runOnReplicaServer: true,
    });
  });

  it('lets a test force the outcome of the next created backup', async () => {
    const stack = sb.createStack({ name: 'forced', dbTypes: ['mysql'] });
    sb.setBackupOutcome({ stackUid: stack.uid, outcome: 'failed', result: 'disk full' });
    await api(sb, `/stacks/${stack.uid}/backups`, { method: 'POST', body: { db_type: 'mysql' } });
    const failed = await eventually(() => latest(stack.uid, 'mysql'));
    expect(failed).toMatchObject({ backup_status: 1, backup_result: 'disk full' });
    await api(sb, `/stacks/${stack.uid}/backups`, { method: 'POST', body: { db_type: 'mysql' } });
    const next = await eventually(async () => {
      const top = await latest(stack.uid, 'mysql');
      return top.id > failed.id ? top : undefined;
    });
    expect(next.backup_status).toBe(0);
  });

  it('validates db types against the stack and the other parameters', async () => {
    const uid = stackNamed(sb, 'blog').uid;
    const cases: Array<[unknown, RegExp]> = [
      [{ db_type: 'mysql' }, /no mysql database/],
      [{ db_type: 'oracle' }, /db_type must be one of/],
      [{ db_type: 'postgresql', frequency: 'every day' }, /cron/],
      [{ db_type: 'postgresql', keep_count: 'many' }, /keep_count/],
      [{ db_type: 'postgresql', gzip: 'maybe' }, /gzip/],
    ];
    for (const [body, details] of cases) {
      const res = await api(sb, `/stacks/${uid}/backups`, { method: 'POST', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error).toBe('bad_request');
      expect(res.json.details).toMatch(details);
    }
    const bad = await fetch(`${sb.apiUrl}/stacks/${uid}/backups`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sb.token}`, 'Content-Type': 'application/json' },
      body: '{"db_type":',
    });
    expect(bad.status).toBe(400);
    expect((await api(sb, '/stacks/nope/backups', { method: 'POST', body: {} })).status).toBe(404);
  });

  it('still creates when the response is lost, and creates nothing on a status fault', async () => {
    const stack = sb.createStack({ name: 'lost-response', dbTypes: ['mysql'] });
    sb.faults.inject({ route: 'backups.create', kind: 'reset' });
    await expect(
      api(sb, `/stacks/${stack.uid}/backups`, { method: 'POST', body: { db_type: 'mysql' } }),
    ).rejects.toThrow();
    const created = await eventually(() => latest(stack.uid, 'mysql'));
    expect(created.backup_status).toBe(0);
    sb.faults.inject({ route: 'backups.create', kind: 'status', status: 500 });
    const res = await api(sb, `/stacks/${stack.uid}/backups`, {
      method: 'POST',
      body: { db_type: 'mysql' },
    });
    expect(res.status).toBe(500);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await latest(stack.uid, 'mysql')).id).toBe(created.id);
    expect(sb.backupTasks(stack.uid)).toHaveLength(1);
  });

  it('imports an external backup into a group', async () => {
    const stack = sb.createStack({ name: 'importer', dbTypes: ['mysql', 'postgresql'] });
    const group = sb.backupGroups(stack.uid).find((g) => g.dbType === 'postgresql')?.group;
    const res = await api(sb, `/stacks/${stack.uid}/backups`, {
      method: 'POST',
      body: { group, db_type: 'postgresql', remote_url: 'https://example.com/dumps/prod.tar' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      response: { ok: true, message: 'Your external backup queued for upload' },
    });
    const imported = await eventually(
      async () => (await api(sb, `/stacks/${stack.uid}/backups?group=${group}`)).json.response[0],
    );
    expect(imported).toMatchObject({ db_type: 'postgresql', backup_status: 0 });
    const files = await api(sb, `/stacks/${stack.uid}/backups/${imported.id}/files`);
    expect(files.json.response).toEqual([{ id: 'tar', name: 'prod.tar' }]);
    const wrong = await api(sb, `/stacks/${stack.uid}/backups`, {
      method: 'POST',
      body: { group, db_type: 'mysql', remote_url: 'https://example.com/x.tar' },
    });
    expect(wrong.status).toBe(400);
    const noUrl = await api(sb, `/stacks/${stack.uid}/backups`, {
      method: 'POST',
      body: { group, db_type: 'postgresql', remote_url: 'ftp:/nowhere' },
    });
    expect(noUrl.status).toBe(400);
    const readOnly = await api(sb, `/stacks/${stack.uid}/backups`, {
      token: sb.readOnlyToken,
      method: 'POST',
      body: { group, db_type: 'postgresql', remote_url: 'https://example.com/x.tar' },
    });
    expect(readOnly.status).toBe(403);
  });

  it('imports from a URL with a malformed escape without crashing, keeping the name as sent', async () => {
    const stack = sb.createStack({ name: 'odd-url', dbTypes: ['postgresql'] });
    const group = sb.backupGroups(stack.uid)[0]?.group;
    const res = await api(sb, `/stacks/${stack.uid}/backups`, {
      method: 'POST',
      body: { group, db_type: 'postgresql', remote_url: 'https://example.com/dump%zz.tar' },
    });
    expect(res.status).toBe(200);
    const imported = await eventually(
      async () => (await api(sb, `/stacks/${stack.uid}/backups?group=${group}`)).json.response[0],
    );
    const files = await api(sb, `/stacks/${stack.uid}/backups/${imported.id}/files`);
    expect(files.json.response).toEqual([{ id: 'tar', name: 'dump%zz.tar' }]);
  });

  it('simulates a scheduled run racing a requested one', async () => {
    const stack = sb.createStack({ name: 'race', dbTypes: ['mysql'], backups: 2 });
    const seeded = (await latest(stack.uid, 'mysql')).id;
    const scheduled = sb.scheduleBackup(stack.uid, 'mysql', { delayMs: 150 });
    const requestAt = Date.now();
    await api(sb, `/stacks/${stack.uid}/backups`, { method: 'POST', body: { db_type: 'mysql' } });
    const run = await scheduled;
    const list = await eventually(async () => {
      const res = await api(sb, `/stacks/${stack.uid}/backups?db_type=mysql`);
      return res.json.count === 4 ? res.json.response : undefined;
    });
    const fresh = list.filter((b: { id: number }) => b.id > seeded);
    expect(fresh.map((b: { id: number }) => b.id)).toContain(run.id);
    const requested = fresh.find((b: { id: number }) => b.id !== run.id);
    expect(Date.parse(run.backup_date_iso)).toBeLessThan(requestAt);
    expect(Date.parse(requested.backup_date_iso)).toBeGreaterThanOrEqual(requestAt);
    const failing = await sb.scheduleBackup(stack.uid, 'mysql', { delayMs: 1, outcome: 'failed' });
    expect(failing.backup_status).toBe(1);
  });
});
