import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../test/helpers.js';
import { type Sandbox, startSandbox } from '../../index.js';

describe('rate limit', () => {
  let sb: Sandbox;
  let clock = Date.UTC(2026, 5, 1, 10, 59, 0);
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, rateLimitPerHour: 3, now: () => clock });
  });
  afterAll(() => sb.close());

  it('counts requests per token and answers 503 throttled past the hourly limit', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await api(sb, '/stacks'));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 503]);
    expect(results.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual([
      '2',
      '1',
      '0',
      '0',
    ]);
    expect(results[0]?.headers.get('x-ratelimit-limit')).toBe('3');
    expect(results[3]?.json).toMatchObject({
      error: 'throttled',
      error_description: expect.any(String),
    });
    expect(results[3]?.headers.get('retry-after')).toBeNull();
    // Another token has its own budget.
    expect((await api(sb, '/stacks', { token: sb.readOnlyToken })).status).toBe(200);
  });

  it('dates its responses with the sandbox clock', async () => {
    const res = await api(sb, '/stacks', { token: sb.readOnlyToken });
    expect(res.headers.get('date')).toBe(new Date(clock).toUTCString());
  });

  it('opens a fresh window at the next hour', async () => {
    expect((await api(sb, '/stacks')).status).toBe(503);
    clock += 60_000;
    expect((await api(sb, '/stacks')).status).toBe(200);
  });

  it('can be switched off', async () => {
    const open = await startSandbox({ port: 0, rateLimitPerHour: 0 });
    try {
      for (let i = 0; i < 5; i++) {
        const res = await api(open, '/stacks');
        expect(res.status).toBe(200);
        expect(res.headers.get('x-ratelimit-limit')).toBeNull();
      }
    } finally {
      await open.close();
    }
  });
});
