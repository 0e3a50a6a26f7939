import { describe, expect, it } from 'vitest';
import { apiRequests, sandboxClient, useSandbox } from '../test/sandbox.js';
import { AbortedError, ApiError, NotFoundError, ThrottledError } from './index.js';
import { backoffDelayMs, DEFAULT_RETRY, parseRetryAfter, resolveRetry } from './retry-policy.js';

const sandbox = useSandbox();

function stackUid(): string {
  const stack = sandbox().stacks()[0];
  if (!stack) throw new Error('no stack');
  return stack.uid;
}

describe('GET retries', () => {
  for (const status of [408, 429, 500, 502, 503, 504]) {
    it(`retries ${status} and succeeds, each attempt with a fresh Request-Id`, async () => {
      const sb = sandbox();
      sb.clearRequests();
      const { client, events, sleeps } = sandboxClient(sb, { random: () => 0.5 });
      sb.faults.inject({ route: 'stacks.list', kind: 'status', status, times: 2 });
      const page = await client.stacks.list().page(1);
      expect(page.items.length).toBeGreaterThan(0);
      expect(events.map((e) => [e.attempt, e.status])).toEqual([
        [1, status],
        [2, status],
        [3, 200],
      ]);
      const ids = apiRequests(sb, '/stacks').map((r) => r.headers['request-id']);
      expect(new Set(ids).size).toBe(3);
      // Full jitter on an exponential ceiling: random 0.5 of 500 ms, then of 1000 ms.
      expect(sleeps).toEqual([250, 500]);
    });
  }

  it('gives up after `limit` retries with the last error', async () => {
    const sb = sandbox();
    const { client, events } = sandboxClient(sb, { retry: { limit: 2 } });
    sb.faults.inject({ route: 'stacks.list', kind: 'status', status: 500, times: 5 });
    const error = await client.stacks
      .list()
      .page(1)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(500);
    expect(events).toHaveLength(3);
    sb.faults.clear();
  });

  it('honours Retry-After (seconds) instead of the backoff', async () => {
    const sb = sandbox();
    const { client, sleeps } = sandboxClient(sb);
    sb.faults.inject({
      route: 'stacks.list',
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '7' },
    });
    await client.stacks.list().page(1);
    expect(sleeps).toEqual([7000]);
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs', async () => {
    const sb = sandbox();
    const { client, sleeps } = sandboxClient(sb, { retry: { maxRetryAfterMs: 5000 } });
    sb.faults.inject({
      route: 'stacks.list',
      kind: 'status',
      status: 503,
      headers: { 'Retry-After': '3600' },
    });
    await expect(client.stacks.list().page(1)).rejects.toThrow(ApiError);
    expect(sleeps).toEqual([]);
  });

  it('never retries 503 throttled', async () => {
    const sb = sandbox();
    sb.clearRequests();
    const { client, sleeps } = sandboxClient(sb);
    sb.faults.inject({ route: 'backups.list', kind: 'status', status: 503, error: 'throttled' });
    await expect(client.backups.list(stackUid()).page(1)).rejects.toThrow(ThrottledError);
    expect(apiRequests(sb, /\/backups$/)).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('never retries a 404', async () => {
    const sb = sandbox();
    const { client, events } = sandboxClient(sb);
    await expect(client.stacks.get('f'.repeat(32))).rejects.toThrow(NotFoundError);
    expect(events).toHaveLength(1);
  });

  it('retries a network error', async () => {
    const sb = sandbox();
    const { client, events } = sandboxClient(sb);
    sb.faults.inject({ route: 'stacks.list', kind: 'reset', afterBytes: 0 });
    const page = await client.stacks.list().page(1);
    expect(page.items.length).toBeGreaterThan(0);
    expect(events.map((e) => e.status)).toEqual([undefined, 200]);
  });

  it('a per-call retry override wins over the client policy', async () => {
    const sb = sandbox();
    const { client, events } = sandboxClient(sb);
    sb.faults.inject({ route: 'backups.list', kind: 'status', status: 500 });
    const list = client.backups.list(stackUid(), { retry: { limit: 0 } });
    await expect(list.page(1)).rejects.toThrow(ApiError);
    expect(events).toHaveLength(1);
  });

  it('aborts during the retry sleep', async () => {
    const sb = sandbox();
    const controller = new AbortController();
    const { client } = sandboxClient(sb, {
      signal: controller.signal,
      sleep: undefined, // the real, abortable sleep
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
      random: () => 1,
      onRequest: () => controller.abort(),
    });
    sb.faults.inject({ route: 'stacks.list', kind: 'status', status: 500 });
    await expect(client.stacks.list().page(1)).rejects.toThrow(AbortedError);
    sb.faults.clear();
  });
});

describe('POST', () => {
  it('is never retried, whatever the status', async () => {
    const sb = sandbox();
    sb.clearRequests();
    const { client, sleeps } = sandboxClient(sb);
    sb.faults.inject({ route: 'backups.create', kind: 'status', status: 503 });
    const uid = stackUid();
    await expect(client.backups.create(uid, { dbTypes: ['mysql'] })).rejects.toThrow(ApiError);
    expect(apiRequests(sb, `/stacks/${uid}/backups`, 'POST')).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe('retry policy', () => {
  it('caps the backoff ceiling at maxDelayMs and stays below it', () => {
    const policy = resolveRetry({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect(backoffDelayMs(1, policy, () => 0.999)).toBe(99);
    expect(backoffDelayMs(4, policy, () => 0.999)).toBe(799);
    expect(backoffDelayMs(10, policy, () => 0.999)).toBe(999);
    expect(backoffDelayMs(10, policy, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('rejects a negative limit', () => {
    expect(() => resolveRetry({ limit: -1 })).toThrow(RangeError);
    expect(resolveRetry(undefined)).toEqual(DEFAULT_RETRY);
  });
});
