import { describe, expect, it, vi } from 'vitest';
import { apiRequests, sandboxClient, useSandbox } from '../test/sandbox.js';
import {
  BackupFailedError,
  type BackupSnapshot,
  createBackupAndWait,
  type PollEvent,
  snapshotLatestBackups,
  WaitTimeoutError,
  waitForNewBackup,
} from './index.js';

const sandbox = useSandbox({ backupDelayMs: 150 });

/** A clock that only moves when the waiter sleeps: polling without real waiting. */
function fakeClock() {
  let now = Date.now();
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

describe('createBackupAndWait', () => {
  it('snapshots, creates, and resolves with the new backup of every db type', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'wait-ok', dbTypes: ['mysql', 'redis'], backups: 6 });
    const { client } = sandboxClient(sb);
    const polls: PollEvent[] = [];
    const result = await createBackupAndWait(
      client,
      stack.uid,
      { dbTypes: ['mysql', 'redis'], gzip: true },
      { pollIntervalMs: 50, timeoutMs: 20_000, onPoll: (e) => polls.push(e) },
    );
    expect(result.queued).toEqual({ ok: true, message: 'queued for creation' });
    expect(result.since.serverRequestedAt).toBeInstanceOf(Date);
    const backups = result.backups;
    if (!backups) throw new Error('no backups');
    const listed = await client.backups.list(stack.uid).toArray({ limit: 2 });
    expect(
      Object.values(backups)
        .map((b) => b.id)
        .sort(),
    ).toEqual(listed.map((b) => b.id).sort());
    for (const dbType of ['mysql', 'redis'] as const) {
      expect(backups[dbType].db_type).toBe(dbType);
      expect(backups[dbType].id).toBeGreaterThan(result.since.latestIds[dbType] ?? 0);
    }
    expect(sb.backupTasks(stack.uid).map((t) => t.gzip)).toEqual([true, true]);
    expect(polls.at(-1)).toMatchObject({ missing: [], nextPollInMs: 0 });
  });

  it('is not fooled by a scheduled run finishing during the wait', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'wait-race', dbTypes: ['mysql'], backups: 2 });
    const { client } = sandboxClient(sb);
    // Started a minute ago (the sandbox's default), finishing before ours (150 ms).
    const scheduled = sb.scheduleBackup(stack.uid, 'mysql', { delayMs: 80 });
    const result = await createBackupAndWait(
      client,
      stack.uid,
      { dbTypes: ['mysql'] },
      { pollIntervalMs: 20, timeoutMs: 20_000 },
    );
    const other = await scheduled;
    expect(result.backups?.mysql.id).not.toBe(other.id);
    expect(result.backups?.mysql.backup_date_iso.getTime()).toBeGreaterThanOrEqual(
      result.since.serverRequestedAt?.getTime() ?? Number.NaN,
    );
  });

  it('still finds the backup when the create answer is lost (connection reset), without a second create', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'wait-reset', dbTypes: ['mysql'], backups: 1 });
    const { client } = sandboxClient(sb);
    sb.faults.inject({ route: 'backups.create', kind: 'reset', afterBytes: 0 });
    sb.clearRequests();
    const result = await createBackupAndWait(
      client,
      stack.uid,
      { dbTypes: ['mysql'] },
      { pollIntervalMs: 20, timeoutMs: 20_000 },
    );
    expect(result.queued).toBeUndefined();
    expect(result.backups?.mysql.id).toBeGreaterThan(result.since.latestIds.mysql ?? 0);
    expect(apiRequests(sb, `/stacks/${stack.uid}/backups`, 'POST')).toHaveLength(1);
  });

  it('rejects at once when the create request is refused', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'wait-refused', dbTypes: ['mysql'] });
    const { client } = sandboxClient(sb);
    sb.faults.inject({ route: 'backups.create', kind: 'status', status: 409 });
    await expect(
      createBackupAndWait(client, stack.uid, { dbTypes: ['mysql'] }, { pollIntervalMs: 20 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it("'all' creates for every database and waits for the db types the stack has backups of", async () => {
    const sb = sandbox();
    const stack = sb.createStack({
      name: 'wait-all',
      dbTypes: ['postgresql', 'mongodb'],
      backups: 4,
    });
    const { client } = sandboxClient(sb);
    sb.clearRequests();
    const result = await createBackupAndWait(
      client,
      stack.uid,
      { dbTypes: 'all' },
      { pollIntervalMs: 20, timeoutMs: 20_000 },
    );
    expect(result.dbTypes).toEqual(['postgresql', 'mongodb']);
    expect(Object.keys(result.backups ?? {}).sort()).toEqual(['mongodb', 'postgresql']);
    expect(
      sb
        .backupTasks(stack.uid)
        .map((t) => t.dbType)
        .sort(),
    ).toEqual(['mongodb', 'postgresql']);
  });

  it("'all' on a stack without backups cannot be waited for", async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'wait-all-empty', dbTypes: ['mysql'] });
    const { client } = sandboxClient(sb);
    await expect(
      createBackupAndWait(client, stack.uid, { dbTypes: 'all' }, { pollIntervalMs: 20 }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_DB_TYPES' });
    expect(sb.backupTasks(stack.uid)).toEqual([]);
    const queuedOnly = await createBackupAndWait(client, stack.uid, {
      dbTypes: 'all',
      wait: false,
    });
    expect(queuedOnly.queued?.ok).toBe(true);
    expect(sb.backupTasks(stack.uid).map((t) => t.dbType)).toEqual(['mysql']);
  });

  it('with wait: false returns once the task is queued', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'wait-no', dbTypes: ['mongodb'] });
    const { client } = sandboxClient(sb);
    const result = await createBackupAndWait(client, stack.uid, {
      dbTypes: ['mongodb'],
      wait: false,
    });
    expect(result.queued?.ok).toBe(true);
    expect(result.backups).toBeUndefined();
    expect(result.since.latestIds).toEqual({ mongodb: null });
  });

  it('rejects with BackupFailedError carrying backup_result', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'wait-fail', dbTypes: ['postgresql'], backups: 2 });
    sb.setBackupOutcome({ stackUid: stack.uid, outcome: 'failed', result: 'pg_dump: disk full' });
    const { client } = sandboxClient(sb);
    const error = await createBackupAndWait(
      client,
      stack.uid,
      { dbTypes: ['postgresql'] },
      { pollIntervalMs: 50, timeoutMs: 20_000 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupFailedError);
    const failed = error as BackupFailedError;
    expect(failed.backupResult).toBe('pg_dump: disk full');
    expect(failed.backup.backup_status.name).toBe('failed');
    expect(failed.message).toContain('pg_dump: disk full');
  });
});

describe('waitForNewBackup', () => {
  it('times out naming the missing db types and carrying those found, one request per type per poll', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'wait-late', dbTypes: ['mysql', 'redis'], backups: 4 });
    const { client } = sandboxClient(sb);
    const clock = fakeClock();
    const since = await snapshotLatestBackups(client, stack.uid, ['mysql', 'redis'], clock);
    const [added] = sb.addBackups(stack.uid, { dbType: 'mysql' });
    sb.clearRequests();
    const error = await waitForNewBackup(client, stack.uid, {
      dbTypes: ['mysql', 'redis'],
      since,
      timeoutMs: 60_000,
      pollIntervalMs: 10_000,
      ...clock,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    const timeout = error as WaitTimeoutError;
    expect(timeout.missing).toEqual(['redis']);
    expect(timeout.found.mysql?.id).toBe(added?.id);
    expect(timeout.message).toMatch(/redis/);
    expect(timeout.message).not.toMatch(/mysql/);
    expect(JSON.parse(JSON.stringify(timeout))).toMatchObject({
      code: 'WAIT_TIMEOUT',
      missing: ['redis'],
      found: { mysql: added?.id },
    });
    // Polls at 0, 10, ..., 60 s: 7 rounds; mysql only in the first.
    const byType = (t: string) =>
      apiRequests(sb, `/stacks/${stack.uid}/backups`).filter((r) => r.query.db_type === t);
    expect(byType('redis')).toHaveLength(7);
    expect(byType('mysql')).toHaveLength(1);
    expect(clock.sleeps.every((ms) => ms === 10_000)).toBe(true);
  });

  it('backs off on transient errors instead of failing, then finds the backup', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'wait-flaky', dbTypes: ['mysql'], backups: 1 });
    const { client } = sandboxClient(sb);
    const clock = fakeClock();
    const since = await snapshotLatestBackups(client, stack.uid, ['mysql'], clock);
    sb.addBackups(stack.uid, { dbType: 'mysql' });
    sb.faults.inject({ route: 'backups.list', kind: 'status', status: 502, times: 2 });
    sb.faults.inject({ route: 'backups.list', kind: 'status', status: 503, error: 'throttled' });
    const polls: PollEvent[] = [];
    const found = await waitForNewBackup(client, stack.uid, {
      dbTypes: ['mysql'],
      since,
      timeoutMs: 3_600_000,
      pollIntervalMs: 1000,
      onPoll: (e) => polls.push(e),
      ...clock,
    });
    expect(found.mysql.db_type).toBe('mysql');
    expect(polls.map((p) => p.errors.map((e) => e.error.code))).toEqual([
      ['API_ERROR'],
      ['API_ERROR'],
      ['THROTTLED'],
      [],
    ]);
    // Exponential on failures, at least a minute once throttled; no retries inside a poll.
    expect(clock.sleeps).toEqual([2000, 4000, 60_000]);
  });

  it('rejects at once on an error that will not go away', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    const since: BackupSnapshot = { takenAt: new Date(), latestIds: { mysql: null } };
    await expect(
      waitForNewBackup(client, '0'.repeat(32), { dbTypes: ['mysql'], since, ...fakeClock() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('ignores a scheduled run that started before the request but finished after the snapshot', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'race-before', dbTypes: ['mysql'], backups: 3 });
    const { client } = sandboxClient(sb);
    const since = await snapshotLatestBackups(client, stack.uid, ['mysql']);
    // The sandbox's scheduled run started a minute before this call: inside the default
    // 2-minute skew allowance of the local clock, but not of the server's own Date.
    const early = await sb.scheduleBackup(stack.uid, 'mysql', { delayMs: 10 });
    expect(early.id).toBeGreaterThan(since.latestIds.mysql ?? 0);
    // The sandbox lists our backup on a timer (backupDelayMs) set when it takes the create.
    // Held on a fake setTimeout that only the waiter's sleeps advance, it cannot appear
    // before the first poll however slow the machine is: that poll sees the scheduled run alone.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const polls: PollEvent[] = [];
    const found = await (async () => {
      await client.backups.create(stack.uid, {
        dbTypes: ['mysql'],
        onResponse: ({ date }) => {
          if (date) since.serverRequestedAt = date;
        },
      });
      return waitForNewBackup(client, stack.uid, {
        dbTypes: ['mysql'],
        since,
        pollIntervalMs: 50,
        timeoutMs: 20_000,
        onPoll: (e) => polls.push(e),
        sleep: (ms) => vi.advanceTimersByTimeAsync(ms).then(() => undefined),
      });
    })().finally(() => vi.useRealTimers());
    expect(found.mysql.id).not.toBe(early.id);
    expect(found.mysql.id).toBeGreaterThan(early.id);
    // The scheduled backup was listed on the first poll and rejected.
    expect(polls[0]?.missing).toEqual(['mysql']);
  });

  it('prefers our backup over a scheduled run that started after the request, reporting the ambiguity', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'race-after', dbTypes: ['redis'], backups: 3 });
    const { client } = sandboxClient(sb);
    const since = await snapshotLatestBackups(client, stack.uid, ['redis']);
    await client.backups.create(stack.uid, {
      dbTypes: ['redis'],
      onResponse: ({ date }) => {
        if (date) since.serverRequestedAt = date;
      },
    });
    const startedAt = Date.now() + 5000;
    const other = await sb.scheduleBackup(stack.uid, 'redis', { delayMs: 10, startedAt });
    // Wait (outside the waiter) until our backup is listed too, so both race in one poll.
    for (let listed = 0; listed < 2; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const page = await client.backups.list(stack.uid, { dbType: 'redis' }).page(1);
      listed = page.items.filter((b) => b.id > (since.latestIds.redis ?? 0)).length;
    }
    const polls: PollEvent[] = [];
    const found = await waitForNewBackup(client, stack.uid, {
      dbTypes: ['redis'],
      since,
      pollIntervalMs: 50,
      timeoutMs: 20_000,
      onPoll: (e) => polls.push(e),
    });
    expect(found.redis.id).not.toBe(other.id);
    expect(polls[0]?.ambiguous).toEqual([
      {
        dbType: 'redis',
        chosen: found.redis.id,
        candidates: [found.redis.id, other.id].sort((a, b) => a - b),
      },
    ]);
  });
});
