import { describe, expect, it } from 'vitest';
import { ApiError, ResponseValidationError } from '../src/index.js';
import { apiRequests, sandboxClient, useSandbox } from './sandbox.js';

// Over real HTTP: what the field policy lets through, and what it still refuses.
const sandbox = useSandbox();

const answer = (route: 'backups.list' | 'backups.create' | 'files.get', body: unknown) =>
  sandbox().faults.inject({ route, kind: 'status', status: 200, body });

describe('answers with less than documented', () => {
  it('walks a list whose pagination carries only `next`, asking for each page in turn', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'sparse-pages', backups: 3 });
    const [a, b, c] = (await sandboxClient(sb).client.backups.list(stack.uid).toArray()).map(
      ({ id, db_type, backup_status, backup_date_iso, created_at_iso }) => ({
        id,
        db_type,
        backup_status: backup_status.code,
        backup_date_iso: backup_date_iso.toISOString(),
        created_at_iso: created_at_iso.toISOString(),
      }),
    );
    answer('backups.list', { response: [a, b], pagination: { next: 2 } });
    answer('backups.list', { response: [c], pagination: { next: null } });
    sb.clearRequests();
    const { client } = sandboxClient(sb);
    const pages = [];
    const changes: unknown[] = [];
    const list = client.backups.list(stack.uid, { onListChange: (c) => changes.push(c) });
    for await (const page of list.pages()) pages.push(page);
    // No `count` was announced, so the walk claims neither a shift nor an early end.
    expect(changes).toEqual([]);
    expect(pages.map((p) => [p.page, p.pages, p.count, p.items.length])).toEqual([
      [1, undefined, undefined, 2],
      [2, undefined, undefined, 1],
    ]);
    // Without `pages` nothing is prefetched past `next`: exactly the two pages were asked.
    const asked = apiRequests(sb, `/stacks/${stack.uid}/backups`).map((r) => r.query.page);
    expect(asked).toEqual(['1', '2']);
  });

  it('names the endpoint and the field when a required one is missing', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'no-id', backups: 1 });
    answer('backups.list', {
      response: [{ db_type: 'mysql', backup_status: 0, backup_date_iso: '2026-01-01T00:00:00Z' }],
      pagination: { next: null },
    });
    const error = await sandboxClient(sb)
      .client.backups.list(stack.uid)
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const { message, endpoint } = error as ResponseValidationError;
    expect(endpoint).toBe('GET /stacks/:id/backups');
    expect(message).toContain('GET /stacks/:id/backups answered with an unexpected shape');
    expect(message).toContain('→ at response[].id');
    expect(message).toContain('→ at response[].created_at_iso');
    expect(message).not.toContain('→ at response[].backup_date_iso');
  });
});

describe('an explicit ok: false', () => {
  it('is a refused create, never a queued one', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'refused', backups: 0 });
    answer('backups.create', { response: { ok: false, message: 'stack is busy' } });
    const { client } = sandboxClient(sb);
    const error = await client.backups
      .create(stack.uid, { dbTypes: ['mysql'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(
      'POST /stacks/:id/backups answered ok: false: stack is busy',
    );
    expect(sb.backupTasks(stack.uid)).toEqual([]);
    // A queued answer without `ok` or `message` is still a queued answer.
    answer('backups.create', { response: {} });
    await expect(client.backups.create(stack.uid, { dbTypes: ['mysql'] })).resolves.toEqual({});
  });

  it('is a refused file URL', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'no-url', backups: 1 });
    const { client } = sandboxClient(sb);
    const [backup] = await client.backups.list(stack.uid).toArray();
    answer('files.get', { response: { ok: false, public_url: 'https://example.com/x' } });
    const error = await client.files.get(stack.uid, backup?.id ?? 0, 'tar').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      message: 'GET /stacks/:id/backups/:id/files/:id answered ok: false',
      status: 200,
    });
  });
});
