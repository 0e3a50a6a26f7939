import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, stackNamed } from '../../../test/helpers.js';
import { type Sandbox, startSandbox } from '../../index.js';

describe('auth', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0 });
  });
  afterAll(() => sb.close());

  it('answers 401 unauthenticated for a missing, unknown or revoked token', async () => {
    const missing = await api(sb, '/stacks', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.json).toMatchObject({ error: 'unauthenticated' });
    expect(missing.json).toHaveProperty('error_description');
    expect(missing.json).toHaveProperty('details');
    expect((await api(sb, '/stacks', { token: 'nope' })).status).toBe(401);

    sb.addToken('soon-revoked', 'public');
    expect((await api(sb, '/stacks', { token: 'soon-revoked' })).status).toBe(200);
    sb.revokeToken('soon-revoked');
    expect((await api(sb, '/stacks', { token: 'soon-revoked' })).status).toBe(401);
  });

  it('lets the read-only token read but not create', async () => {
    const uid = stackNamed(sb, 'shop').uid;
    expect((await api(sb, '/stacks', { token: sb.readOnlyToken })).status).toBe(200);
    const res = await api(sb, `/stacks/${uid}/backups`, {
      token: sb.readOnlyToken,
      method: 'POST',
      body: { db_type: 'mysql' },
    });
    expect(res.status).toBe(403);
    expect(res.json.error).toBe('forbidden');
  });

  it('uses fixed tokens when given', async () => {
    const fixed = await startSandbox({ port: 0, token: 'admin-t', readOnlyToken: 'public-t' });
    try {
      expect(fixed.token).toBe('admin-t');
      expect((await api(fixed, '/stacks', { token: 'admin-t' })).status).toBe(200);
      expect((await api(fixed, '/stacks', { token: sb.token })).status).toBe(401);
    } finally {
      await fixed.close();
    }
  });

  it('records requests with headers, and never prints the token', async () => {
    sb.clearRequests();
    await api(sb, '/stacks', {
      headers: { 'User-Agent': 'c66-backup-test/1.0 (linux; x64)', 'Request-Id': 'req-1' },
    });
    const [entry] = sb.requests;
    expect(entry).toMatchObject({ method: 'GET', path: '/api/3/stacks', query: {} });
    expect(entry?.headers.authorization).toBe(`Bearer ${sb.token}`);
    expect(entry?.headers['user-agent']).toBe('c66-backup-test/1.0 (linux; x64)');
    expect(entry?.headers['request-id']).toBe('req-1');
    const { inspect } = await import('node:util');
    expect(inspect(sb.requests, { depth: 5 })).not.toContain(sb.token);
    expect(JSON.stringify(sb.requests)).not.toContain(sb.token);
  });

  it('echoes the Request-Id header as X-Request-Id', async () => {
    const res = await api(sb, '/stacks', { headers: { 'Request-Id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
  });
});
