import { describe, expect, it } from 'vitest';
import { sandboxClient, useSandbox } from '../test/sandbox.js';
import {
  ApiError,
  NetworkError,
  NotFoundError,
  ThrottledError,
  TimeoutError,
} from './errors/index.js';
import { isTransientError, isTransientStatus } from './is-transient.js';
import { waitForNewBackup } from './wait-for-new-backup.js';

const sandbox = useSandbox();

describe('isTransientStatus', () => {
  it('says "again later" for 408, 429, 500, 502, 503, 504 only', () => {
    const transient = [];
    for (let status = 400; status < 600; status++) {
      if (isTransientStatus(status)) transient.push(status);
    }
    expect(transient).toEqual([408, 429, 500, 502, 503, 504]);
  });

  it('treats 501, 505 and 503 not_implemented as final', () => {
    expect(isTransientStatus(501)).toBe(false);
    expect(isTransientStatus(505)).toBe(false);
    expect(isTransientStatus(503, 'not_implemented')).toBe(false);
    expect(isTransientStatus(503, 'throttled')).toBe(true);
  });
});

describe('isTransientError', () => {
  it('classifies the core errors', () => {
    expect(isTransientError(new NetworkError('reset'))).toBe(true);
    expect(isTransientError(new TimeoutError('slow'))).toBe(true);
    expect(isTransientError(new ThrottledError('spent', { status: 503 }))).toBe(true);
    expect(isTransientError(new ApiError('busy', { status: 502 }))).toBe(true);
    expect(isTransientError(new ApiError('no', { status: 501 }))).toBe(false);
    expect(isTransientError(new ApiError('no', { status: 505 }))).toBe(false);
    expect(isTransientError(new NotFoundError('gone', { status: 404 }))).toBe(false);
    expect(isTransientError(new Error('plain'))).toBe(false);
  });
});

describe('the rule, where it is used', () => {
  for (const status of [501, 505]) {
    it(`a GET answered ${status} is not retried`, async () => {
      const sb = sandbox();
      const { client, events } = sandboxClient(sb);
      sb.faults.inject({ route: 'stacks.list', kind: 'status', status, times: 3 });
      await expect(client.stacks.list().page(1)).rejects.toMatchObject({ status });
      expect(events.map((e) => e.status)).toEqual([status]);
      sb.faults.clear();
    });

    it(`the waiter rejects at once on ${status} instead of polling until the deadline`, async () => {
      const sb = sandbox();
      const stack = sb.createStack({ name: `final-${status}`, dbTypes: ['mysql'], backups: 1 });
      const { client } = sandboxClient(sb);
      sb.faults.inject({ route: 'backups.list', kind: 'status', status, times: 3 });
      const sleeps: number[] = [];
      await expect(
        waitForNewBackup(client, stack.uid, {
          dbTypes: ['mysql'],
          since: { takenAt: new Date(), latestIds: { mysql: null } },
          sleep: async (ms) => void sleeps.push(ms),
        }),
      ).rejects.toMatchObject({ code: 'API_ERROR', status });
      expect(sleeps).toEqual([]);
      sb.faults.clear();
    });
  }

  it('a GET answered 503 not_implemented is not retried', async () => {
    const sb = sandbox();
    const { client, events } = sandboxClient(sb);
    sb.faults.inject({
      route: 'stacks.list',
      kind: 'status',
      status: 503,
      error: 'not_implemented',
      times: 3,
    });
    await expect(client.stacks.list().page(1)).rejects.toMatchObject({
      apiError: 'not_implemented',
    });
    expect(events.map((e) => e.status)).toEqual([503]);
    sb.faults.clear();
  });
});
