import type { Sandbox } from '@c66-backup/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeTime } from '../test/fake-time.js';
import { RecordingToolkit } from '../test/recording-toolkit.js';
import { closeSandbox, envFor, runWith, sandboxWith } from '../test/run-in-process.js';
import { run } from './main.js';
import { CancelledError } from './signals.js';

afterEach(closeSandbox);

const listRequests = (sb: Sandbox) =>
  sb.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/backups'));

describe('run', () => {
  it('masks the token before anything else and never shows it again', async () => {
    const sb = await sandboxWith();
    const { toolkit } = await runWith(sb, { stack: 'blog', 'db-type': 'postgresql' });
    expect(toolkit.calls[0]).toEqual({ fn: 'setSecret', args: [sb.token] });
    expect(JSON.stringify(toolkit.calls.slice(1))).not.toContain(sb.token);
  });

  it('warns when a list it reads ends before the count it announced', async () => {
    const sb = await sandboxWith();
    const blog = sb.stacks().find((s) => s.name === 'blog' && s.environment === 'production');
    // The stacks list claims 3 stacks named blog but stops paging after one.
    sb.faults.inject({
      route: 'stacks.list',
      kind: 'status',
      status: 200,
      body: {
        response: [blog],
        count: 3,
        pagination: { previous: null, next: null, current: 1, per_page: 30, count: 3, pages: 1 },
      },
    });
    const { report, toolkit } = await runWith(sb, {
      stack: 'blog',
      environment: 'production',
      'db-type': 'postgresql',
    });
    expect(report.outcome).toBe('succeeded');
    const warnings = toolkit.calls.filter((c) => c.fn === 'warning').map((c) => c.args[0]);
    expect(warnings).toContain('the list ended at page 1 with 1 of the 3 items it announced');
  });

  it('backs up one db type: outputs, summary row and log lines', async () => {
    const sb = await sandboxWith();
    const { report, toolkit } = await runWith(sb, { stack: 'blog', 'db-type': 'postgresql' });
    expect(report.outcome).toBe('succeeded');
    const backup = report.backups.postgresql;
    expect(backup?.backup_status.name).toBe('ok');
    expect(toolkit.outputs).toEqual({
      'backup-id': String(backup?.id),
      'backup-ids': JSON.stringify({ postgresql: backup?.id }),
      'backup-status': 'ok',
      'backup-date': backup?.backup_date_iso.toISOString(),
      'database-name': backup?.database_name,
      'timed-out': 'false',
      reused: 'false',
    });
    expect(toolkit.messages('setFailed')).toEqual([]);
    expect(toolkit.summary.headings).toEqual(['Cloud 66 backup finished']);
    const [header, row] = toolkit.summary.tables[0] ?? [];
    expect(header).toHaveLength(9);
    expect(row?.slice(2, 6)).toEqual([
      'postgresql',
      backup?.database_name,
      String(backup?.id),
      'ok',
    ]);
    expect(toolkit.summary.written).toBe(1);
    expect(toolkit.messages('info')).toContain('Cloud 66 queued the backup of postgresql');
  });

  it('raises a poll interval too low for the rate limit, and polls at the raised pace', async () => {
    // The sandbox finishes backups on its real clock while the action's sleeps are fake:
    // each sleep also waits 500 ms of real time, so the first poll (right after the create)
    // finds nothing even on a busy machine, and the later ones show the pace.
    const sb = await sandboxWith({ backupDelayMs: 3000 });
    const { toolkit, time } = await runWith(
      sb,
      { stack: 'inventory', 'db-type': 'all', 'poll-interval-seconds': '1' },
      new AbortController(),
      500,
    );
    // 4 db types for up to 30 minutes: 4 * 1800 s / 1000 requests = 7.2 s between polls.
    expect(toolkit.messages('warning')).toContain(
      "poll-interval-seconds 1 is too frequent for 4 db type(s) over 30m 00s; using 7.2 s to stay well inside Cloud 66's 3,000 requests an hour",
    );
    expect(time.sleeps.length).toBeGreaterThan(0);
    for (const ms of time.sleeps) expect(ms).toBe(7200);
    expect(JSON.parse(toolkit.outputs['backup-ids'] ?? '')).toEqual({
      mysql: expect.any(Number),
      postgresql: expect.any(Number),
      redis: expect.any(Number),
      mongodb: expect.any(Number),
    });
  });

  it('on a timeout with fail-on-timeout false: heartbeats, warns, outputs timed-out', async () => {
    const sb = await sandboxWith({ backupDelayMs: 60_000 });
    const { report, toolkit, time } = await runWith(sb, {
      stack: 'blog',
      'db-type': 'postgresql',
      'timeout-seconds': '300',
      'poll-interval-seconds': '15',
      'fail-on-timeout': 'false',
    });
    expect(report.outcome).toBe('timed-out');
    expect(toolkit.outputs['timed-out']).toBe('true');
    expect(toolkit.outputs['backup-id']).toBe('');
    expect(toolkit.messages('setFailed')).toEqual([]);
    expect(toolkit.messages('warning')).toContain(
      'Timed out: no new backup for postgresql within 300 s (fail-on-timeout is false)',
    );
    // 300 s at one poll per 15 s: the first poll right after the create, then 20 more.
    expect(time.sleeps.reduce((a, b) => a + b, 0)).toBe(300_000);
    const polls = listRequests(sb).length - 1; // minus the snapshot
    expect(polls).toBe(21);
    // A heartbeat a minute, not a line per poll.
    const heartbeats = toolkit.messages('info').filter((m) => m.startsWith('Still waiting'));
    expect(heartbeats.map((m) => m.slice(0, m.indexOf(':')))).toEqual(
      [1, 2, 3, 4, 5].map((min) => `Still waiting (${min}m 00s elapsed)`),
    );
    expect(heartbeats[0]).toMatch(/: no new backup yet for postgresql \(check 5, next in 15s\)$/);
    expect(toolkit.summary.headings).toEqual(['Cloud 66 backup timed out']);
  });

  it('with db-type all, asks Cloud 66 for all and waits for the types the stack has', async () => {
    const sb = await sandboxWith();
    const { report, toolkit } = await runWith(sb, { stack: 'shop', environment: 'production' });
    expect(report.outcome).toBe('succeeded');
    expect(report.dbTypes).toEqual(['mysql', 'redis']);
    expect(toolkit.messages('info')).toContain('Cloud 66 queued the backup of all databases');
    expect(toolkit.messages('info')).toContain('Waiting for a new backup of mysql, redis');
    expect(sb.backupTasks(report.stack?.uid ?? '').map((t) => t.dbType)).toEqual([
      'mysql',
      'redis',
    ]);
    const ids = JSON.parse(toolkit.outputs['backup-ids'] ?? '');
    expect(Object.keys(ids)).toEqual(['mysql', 'redis']);
    expect(toolkit.outputs['backup-id']).toBe(String(ids.mysql));
    expect(toolkit.summary.tables[0]?.slice(1).map((row) => row[2])).toEqual(['mysql', 'redis']);
  });

  it('fails with backup_result when the new backup failed', async () => {
    const sb = await sandboxWith();
    const stack = sb.createStack({ name: 'shaky', dbTypes: ['mysql', 'redis'], backups: 4 });
    sb.setBackupOutcome({ stackUid: stack.uid, dbType: 'redis', outcome: 'failed', result: 'OOM' });
    const { report, toolkit } = await runWith(sb, { stack: 'shaky', 'db-type': 'redis' });
    expect(report.outcome).toBe('failed');
    const failed = report.backups.redis;
    expect(toolkit.messages('setFailed')).toEqual([`redis backup ${failed?.id} failed: OOM`]);
    expect(toolkit.outputs['backup-status']).toBe('failed');
  });

  it('with wait false, queues the backup, polls nothing and says the id is unknown', async () => {
    const sb = await sandboxWith();
    const { report, toolkit } = await runWith(sb, {
      stack: 'blog',
      'db-type': 'postgresql',
      wait: 'false',
    });
    expect(report.outcome).toBe('queued');
    expect(sb.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST']); // stack, snapshot, create
    expect(toolkit.outputs['backup-id']).toBe('');
    expect(toolkit.outputs['backup-ids']).toBe('{}');
    expect(toolkit.messages('info').join('\n')).toContain('Cloud 66 returns no backup ID');
    expect(toolkit.messages('setFailed')).toEqual([]);
    expect(sb.backupTasks(report.stack?.uid ?? '')).toHaveLength(1);
  });

  it('validates every input before any request', async () => {
    const sb = await sandboxWith();
    const { report, toolkit } = await runWith(sb, {
      stack: 'blog',
      'db-type': 'sqlite',
      'keep-count': '0',
    });
    expect(report.outcome).toBe('error');
    expect(sb.requests).toHaveLength(0);
    expect(toolkit.messages('error')).toHaveLength(2);
    expect(toolkit.messages('setFailed')).toEqual(['Invalid inputs: nothing was sent to Cloud 66']);
    expect(toolkit.outputs['timed-out']).toBe('false');
  });

  it('fails on an ambiguous stack name, listing the candidates', async () => {
    const sb = await sandboxWith();
    const { toolkit } = await runWith(sb, { stack: 'shop' });
    const [message] = toolkit.messages('setFailed');
    expect(message).toMatch(/^Stack: 2 stacks are named "shop"; pass an environment or a uid: /);
    expect(message).toMatch(/shop \(production\) [0-9a-f]{32}, shop \(staging\) [0-9a-f]{32}/);
    expect(sb.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('explains db-type all on a stack that has no backups yet', async () => {
    const sb = await sandboxWith();
    const { toolkit } = await runWith(sb, { stack: 'fresh-app' });
    expect(toolkit.messages('setFailed')[0]).toMatch(
      /^db type "all": stack [0-9a-f]{32} has no backups yet.*; name them instead/,
    );
    expect(sb.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('on cancellation mid-wait: stops polling, keeps what it found, warns, fails', async () => {
    const sb = await sandboxWith({ backupDelayMs: 60_000 });
    const controller = new AbortController();
    const toolkit = new RecordingToolkit();
    const time = fakeTime();
    const sleep: typeof time.sleep = (ms, signal) => {
      if (time.sleeps.length === 2) controller.abort(new CancelledError('SIGTERM'));
      return time.sleep(ms, signal);
    };
    const report = await run({
      env: envFor(sb, { stack: 'blog', 'db-type': 'postgresql' }),
      toolkit,
      signal: controller.signal,
      now: time.now,
      sleep,
    });
    expect(report.outcome).toBe('cancelled');
    expect(time.sleeps).toHaveLength(3);
    const requestsAtEnd = sb.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sb.requests.length).toBe(requestsAtEnd);
    expect(toolkit.messages('setFailed')).toEqual(['Cancelled by SIGTERM']);
    expect(toolkit.messages('warning')).toContain(
      'The run was cancelled while waiting: Cloud 66 may still finish the backup it was asked for.',
    );
    expect(toolkit.summary.headings).toEqual(['Cloud 66 backup cancelled']);
    expect(toolkit.outputs['timed-out']).toBe('false');
  });
});

describe('run with reuse-within', () => {
  const HOUR = 3_600_000;
  const posts = (sb: Sandbox) => sb.requests.filter((r) => r.method === 'POST');
  const uidOf = (sb: Sandbox, name: string) => sb.stacks().find((s) => s.name === name)?.uid ?? '';

  it('every db type fresh: creates nothing, outputs the existing backups, reused true', async () => {
    const sb = await sandboxWith();
    const { report, toolkit } = await runWith(sb, { stack: 'storefront', 'reuse-within': '6h' });
    expect(report.outcome).toBe('reused');
    expect(posts(sb)).toHaveLength(0);
    expect(toolkit.outputs.reused).toBe('true');
    const ids = JSON.parse(toolkit.outputs['backup-ids'] ?? '');
    expect(Object.keys(ids)).toEqual(['postgresql', 'redis']);
    expect(toolkit.outputs['backup-id']).toBe(String(ids.postgresql));
    expect(toolkit.outputs['backup-status']).toBe('ok');
    expect(toolkit.messages('info')).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^postgresql: reusing backup ${ids.postgresql} \\(ok, .+\\), started \\dh \\d\\dm ago \\(within 6h 00m\\)$`,
        ),
      ),
    );
    expect(toolkit.summary.headings).toEqual(['Recent Cloud 66 backups reused']);
    expect(toolkit.summary.raw.join('')).toMatch(
      new RegExp(
        `Reused \\(started within 6h 00m\\): postgresql ${ids.postgresql}, \\dh \\d\\dm old; redis ${ids.redis}, `,
      ),
    );
    expect(toolkit.summary.tables[0]?.slice(1).map((row) => row.at(-1))).toEqual([
      'reused',
      'reused',
    ]);
    expect(toolkit.messages('setFailed')).toEqual([]);
  });

  it('several db types, one too old: creates only that one, reused false', async () => {
    const sb = await sandboxWith();
    const stack = sb.createStack({ name: 'mixed', dbTypes: ['mysql', 'redis'], backups: 0 });
    const [mysql] = sb.addBackups(stack.uid, { dbType: 'mysql', startedAt: Date.now() - HOUR });
    const [redis] = sb.addBackups(stack.uid, {
      dbType: 'redis',
      startedAt: Date.now() - 10 * HOUR,
    });
    const { report, toolkit } = await runWith(sb, {
      stack: 'mixed',
      'db-type': 'redis,mysql',
      'reuse-within': '6h',
    });
    expect(report.outcome).toBe('succeeded');
    expect(toolkit.outputs.reused).toBe('false');
    const ids = JSON.parse(toolkit.outputs['backup-ids'] ?? '');
    expect(Object.keys(ids)).toEqual(['redis', 'mysql']);
    expect(ids.mysql).toBe(mysql?.id);
    expect(ids.redis).toBeGreaterThan(redis?.id ?? Number.POSITIVE_INFINITY);
    expect(sb.backupTasks(stack.uid).map((t) => t.dbType)).toEqual(['redis']);
    expect(toolkit.messages('info')).toContain('Cloud 66 queued the backup of redis');
    expect(toolkit.messages('info')).toContain(
      `Not reusable: redis: newest good backup is backup ${redis?.id}, 10h 00m old, older than 6h 00m`,
    );
    expect(
      toolkit.summary.tables[0]?.slice(1).map((row) => [row[2], row.at(-1) === 'reused']),
    ).toEqual([
      ['redis', false],
      ['mysql', true],
    ]);
  });

  it('a window missed by a minute creates a new backup', async () => {
    const sb = await sandboxWith();
    const stack = sb.createStack({ name: 'edge', dbTypes: ['postgresql'], backups: 0 });
    const [old] = sb.addBackups(stack.uid, {
      dbType: 'postgresql',
      startedAt: Date.now() - 46 * 60_000,
    });
    const { toolkit } = await runWith(sb, {
      stack: 'edge',
      'db-type': 'postgresql',
      'reuse-within': '45m',
    });
    expect(posts(sb)).toHaveLength(1);
    expect(toolkit.outputs.reused).toBe('false');
    expect(Number(toolkit.outputs['backup-id'])).toBeGreaterThan(
      old?.id ?? Number.POSITIVE_INFINITY,
    );
  });

  it('never reuses when the newest backup failed, though a good one is inside the window', async () => {
    const sb = await sandboxWith();
    const { report, toolkit } = await runWith(sb, { stack: 'billing', 'reuse-within': '26h' });
    expect(report.outcome).toBe('succeeded');
    expect(posts(sb)).toHaveLength(1);
    expect(sb.backupTasks(uidOf(sb, 'billing')).map((t) => t.dbType)).toEqual(['postgresql']);
    expect(toolkit.outputs.reused).toBe('false');
    expect(toolkit.messages('info')).toContainEqual(
      expect.stringMatching(/^Not reusable: postgresql: newest backup \d+ \(1h 00m old\) failed: /),
    );
  });

  it('rejects a reuse-within that is not a duration, before any request', async () => {
    const sb = await sandboxWith();
    const { toolkit } = await runWith(sb, { stack: 'blog', 'reuse-within': '6 hours' });
    expect(toolkit.messages('error')).toEqual([
      "Input 'reuse-within': '6 hours' is not a positive duration such as 45m, 6h or 2d (units s, m, h, d; a plain number means seconds)",
    ]);
    expect(sb.requests).toHaveLength(0);
  });
});

describe('run, when the runner side breaks', () => {
  it('turns an unwritable output into a failed step instead of a crash', async () => {
    const sb = await sandboxWith();
    const toolkit = new RecordingToolkit();
    toolkit.setOutput = () => {
      throw new Error('Unable to write /github/output: EACCES');
    };
    const time = fakeTime();
    const report = await run({
      env: envFor(sb, { stack: 'blog', 'db-type': 'postgresql', wait: 'false' }),
      toolkit,
      signal: new AbortController().signal,
      now: time.now,
      sleep: time.sleep,
    });
    expect(report.outcome).toBe('error');
    expect(toolkit.messages('setFailed')).toEqual([
      'Unexpected error: Unable to write /github/output: EACCES',
    ]);
  });
});
