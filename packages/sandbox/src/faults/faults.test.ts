import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFaultySandbox } from '../../test/faulty-sandbox.js';
import { api, downloadUrl, rawGet } from '../../test/helpers.js';
import { type Sandbox, startSandbox } from '../index.js';

describe('faults', () => {
  let sb: Sandbox;
  let uid: string;
  let id: number;
  beforeAll(async () => {
    ({ sb, uid, id } = await startFaultySandbox());
  });
  afterEach(() => sb.faults.clear());
  afterAll(() => sb.close());

  it('plays a sequence of error statuses, then recovers', async () => {
    sb.faults.inject({ route: 'stacks.list', kind: 'status', status: 500 });
    sb.faults.inject({ route: 'stacks.list', kind: 'status', status: 502 });
    sb.faults.inject({ route: 'stacks.list', kind: 'status', status: 503, error: 'throttled' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await api(sb, '/stacks'));
    expect(statuses.map((r) => r.status)).toEqual([500, 502, 503, 200]);
    expect(statuses[0]?.json).toMatchObject({ error: 'internal_server_error' });
    expect(statuses[2]?.json).toMatchObject({ error: 'throttled' });
  });

  it('sends a custom body and headers', async () => {
    sb.faults.inject({
      route: 'backups.get',
      kind: 'status',
      status: 408,
      body: { error: 'time_out', error_description: 'slow', details: null },
      headers: { 'Retry-After': '2' },
    });
    const res = await api(sb, `/stacks/${uid}/backups/${id}`);
    expect(res.status).toBe(408);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.json.error).toBe('time_out');
  });

  it('sends a non-JSON error page when the body is a string', async () => {
    sb.faults.inject({
      route: 'stacks.list',
      kind: 'status',
      status: 502,
      body: '<html>Bad Gateway</html>',
    });
    const res = await api(sb, '/stacks');
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toBe('<html>Bad Gateway</html>');
  });

  it('honours times and match', async () => {
    const fault = sb.faults.inject({
      route: 'files.get',
      kind: 'status',
      status: 500,
      times: Number.POSITIVE_INFINITY,
      match: { fileId: 'tar-ab' },
    });
    expect((await api(sb, `/stacks/${uid}/backups/${id}/files/tar-aa`)).status).toBe(200);
    for (let i = 0; i < 3; i++)
      expect((await api(sb, `/stacks/${uid}/backups/${id}/files/tar-ab`)).status).toBe(500);
    expect(fault.hits).toBe(3);
    fault.remove();
    expect((await api(sb, `/stacks/${uid}/backups/${id}/files/tar-ab`)).status).toBe(200);
    sb.faults.inject({
      route: 'backups.list',
      kind: 'status',
      status: 500,
      match: { dbType: 'redis' },
    });
    expect((await api(sb, `/stacks/${uid}/backups?db_type=mysql`)).status).toBe(200);
    expect(sb.faults.list()).toHaveLength(1);
  });

  it('adds latency', async () => {
    sb.faults.inject({ route: 'stacks.get', kind: 'latency', ms: 150 });
    const started = performance.now();
    await api(sb, `/stacks/${uid}`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(sb.faults.list()).toHaveLength(0);
  });

  it('answers truncated JSON with 200 for malformed-json', async () => {
    const good = await api(sb, `/stacks/${uid}/backups`);
    sb.faults.inject({ route: 'backups.list', kind: 'malformed-json' });
    const res = await api(sb, `/stacks/${uid}/backups`);
    expect(res.status).toBe(200);
    expect(res.json).toBeUndefined();
    expect(good.text.startsWith(res.text)).toBe(true);
  });

  it('drifts from the documented schema', async () => {
    sb.faults.inject({ route: 'backups.list', kind: 'drift' });
    const list = await api(sb, `/stacks/${uid}/backups`);
    expect(list.status).toBe(200);
    expect(list.json.pagination).toBeUndefined();
    expect(list.json.response[0].id).toBeUndefined();
    expect(typeof list.json.response[0].backup_status).toBe('string');
    sb.faults.inject({ route: 'files.get', kind: 'drift' });
    const file = await api(sb, `/stacks/${uid}/backups/${id}/files/tar-aa`);
    expect(file.json.response.public_url).toBeUndefined();
  });

  it('sends S3 XML for status faults on downloads', async () => {
    const url = await downloadUrl(sb, uid, id, 'tar-aa');
    sb.faults.inject({ route: 'download', kind: 'status', status: 503 });
    const res = await rawGet(url);
    expect(res.status).toBe(503);
    expect(res.body.toString()).toContain('<Code>SlowDown</Code>');
    sb.faults.inject({ route: 'download', kind: 'status', status: 403 });
    expect((await rawGet(url)).body.toString()).toContain('<Code>AccessDenied</Code>');
  });

  it('rejects an impossible fault with a clear error', () => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
    const bad = (f: any) => () => sb.faults.inject(f);
    expect(bad({ route: 'nope', kind: 'status', status: 500 })).toThrow(
      /unknown fault route "nope"/,
    );
    expect(bad({ route: 'download', kind: 'explode' })).toThrow(/unknown fault kind "explode"/);
    expect(bad({ route: 'download', kind: 'status', status: 42 })).toThrow(/HTTP status/);
    expect(bad({ route: 'download', kind: 'drift' })).toThrow(/API routes/);
    expect(bad({ route: 'download', kind: 'reset', afterBytes: -1 })).toThrow(/afterBytes/);
  });

  it('applies faults given at start', async () => {
    const local = await startSandbox({
      port: 0,
      faults: [{ route: 'stacks.list', kind: 'status', status: 502, times: 2 }],
    });
    try {
      expect((await api(local, '/stacks')).status).toBe(502);
      expect((await api(local, '/stacks')).status).toBe(502);
      expect((await api(local, '/stacks')).status).toBe(200);
    } finally {
      await local.close();
    }
  });
});
