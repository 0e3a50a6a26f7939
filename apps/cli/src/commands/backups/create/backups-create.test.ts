import { createClient } from '@c66-backup/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecrets, runCli, sandboxEnv, startCli, until } from '../../../../test/run-cli.js';
import { type Sandbox, startTestSandbox } from '../../../../test/test-sandbox.js';

async function newestId(sb: Sandbox, stackUid: string, dbType: string): Promise<number> {
  const client = createClient({ token: sb.token, baseUrl: sb.apiUrl });
  const [newest] = await client.backups.list(stackUid, { dbType }).toArray({ limit: 1 });
  return newest?.id ?? 0;
}

const stackUid = (sb: Sandbox, name: string, environment = 'production') => {
  const stack = sb.stacks().find((s) => s.name === name && s.environment === environment);
  if (!stack) throw new Error(`no seeded stack ${name}`);
  return stack.uid;
};

const createRequests = (sb: Sandbox) => sb.requests.filter((r) => r.method === 'POST').length;

describe('c66-backup backups create', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startTestSandbox({ backupDelayMs: 300 });
  });
  afterAll(async () => {
    await sb.close();
  });

  it('--wait --json prints the new backup, found after the create request', async () => {
    const blog = stackUid(sb, 'blog');
    const before = await newestId(sb, blog, 'postgresql');
    const result = await runCli(
      [
        'backups',
        'create',
        '--stack',
        'blog',
        '--db-type',
        'postgresql',
        '--wait',
        '--timeout',
        '30s',
        '--poll-interval',
        '1s',
        '--json',
      ],
      { env: sandboxEnv(sb) },
    );
    expect(result.stderr).not.toMatch(/^error:/m);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      stack_uid: string;
      backup_ids: Record<string, number>;
      waited_ms: number;
      backups: Record<string, unknown>[];
    };
    expect(doc.stack_uid).toBe(blog);
    expect(doc.backup_ids.postgresql).toBeGreaterThan(before);
    expect(doc.backup_ids.postgresql).toBe(await newestId(sb, blog, 'postgresql'));
    expect(doc.backups).toHaveLength(1);
    expect(doc.backups[0]).toMatchObject({
      id: doc.backup_ids.postgresql,
      db_type: 'postgresql',
      backup_status: 'ok',
    });
    expect(doc.waited_ms).toBeGreaterThan(0);
  });

  it('--wait prints one line per new backup; "all" waits for every database of the stack', async () => {
    const analytics = stackUid(sb, 'analytics');
    const result = await runCli(
      [
        'backups',
        'create',
        '--stack',
        analytics,
        '--wait',
        '--timeout',
        '30s',
        '--poll-interval',
        '1s',
      ],
      { env: sandboxEnv(sb) },
    );
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const [i, dbType] of ['postgresql', 'mongodb'].entries()) {
      const id = await newestId(sb, analytics, dbType);
      expect(
        lines.find((line) => line.startsWith(`backup ${id}: ${dbType} `)),
        `${dbType} in ${lines[i]}`,
      ).toBeDefined();
    }
    expect(result.stderr).toContain('waiting for the new');
    expect(result.stderr).toMatch(/done in \d+s/);
  });

  it('without --wait it only queues, and says the id is unknown', async () => {
    const posts = createRequests(sb);
    const result = await runCli(['backups', 'create', '--stack', 'blog', '--json'], {
      env: sandboxEnv(sb),
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      db_types: 'all',
      stack_uid: stackUid(sb, 'blog'),
    });
    expect(createRequests(sb)).toBe(posts + 1);
    const human = await runCli(
      ['backups', 'create', '--stack', 'blog', '--db-type', 'postgresql'],
      { env: sandboxEnv(sb) },
    );
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^blog: .+ \(postgresql\)$/m);
    expect(human.stderr).toContain('use --wait');
  });

  describe('--reuse-within', () => {
    const HOUR = 3_600_000;
    const reuseRun = (stack: string, window: string, ...extra: string[]) =>
      runCli(
        [
          'backups',
          'create',
          '--stack',
          stack,
          '--wait',
          '--poll-interval',
          '1s',
          '--timeout',
          '30s',
          '--reuse-within',
          window,
          '--json',
          ...extra,
        ],
        { env: sandboxEnv(sb) },
      );

    it('every db type fresh: no POST at all, reused true in --json', async () => {
      const posts = createRequests(sb);
      const result = await reuseRun('storefront', '6h');
      expect(result.code).toBe(0);
      const doc = JSON.parse(result.stdout);
      expect(doc).toMatchObject({ reused: true, reused_db_types: ['postgresql', 'redis'] });
      expect(Object.keys(doc.backup_ids)).toEqual(['postgresql', 'redis']);
      expect(result.stderr).toMatch(
        /^reusing postgresql backup \d+: started \dh \d\dm ago, within 6h 00m$/m,
      );
      expect(createRequests(sb)).toBe(posts);
    });

    it('one of two db types too old (just missed): creates only that one', async () => {
      const stack = sb.createStack({ name: 'cli-mixed', dbTypes: ['mysql', 'redis'], backups: 0 });
      const [mysql] = sb.addBackups(stack.uid, { dbType: 'mysql', startedAt: Date.now() - HOUR });
      const [redis] = sb.addBackups(stack.uid, {
        dbType: 'redis',
        startedAt: Date.now() - 2 * HOUR - 60_000,
      });
      const result = await reuseRun('cli-mixed', '2h', '--db-type', 'mysql,redis');
      expect(result.code).toBe(0);
      const doc = JSON.parse(result.stdout);
      expect(doc).toMatchObject({ reused: false, reused_db_types: ['mysql'] });
      expect(doc.backup_ids.mysql).toBe(mysql?.id);
      expect(doc.backup_ids.redis).toBeGreaterThan(redis?.id ?? Number.POSITIVE_INFINITY);
      expect(sb.backupTasks(stack.uid).map((t) => t.dbType)).toEqual(['redis']);
      expect(result.stderr).toMatch(
        /^not reusable: redis: newest good backup is backup \d+, 2h 01m old, older than 2h 00m$/m,
      );
    });

    it('a failed newest backup is never reused past: creates a new one', async () => {
      const uid = stackUid(sb, 'billing');
      const tasks = sb.backupTasks(uid).length;
      const result = await reuseRun('billing', '26h');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ reused: false, reused_db_types: [] });
      expect(sb.backupTasks(uid)).toHaveLength(tasks + 1);
    });
  });

  it.each([
    [
      ['--wait', '--timeout', 'soon'],
      "--timeout: 'soon' is not a positive duration such as 45m, 6h or 2d (units s, m, h, d; a plain number means seconds)",
    ],
    [['--timeout', '5m'], '--timeout only applies with --wait'],
    [['--reuse-within', '6h'], '--reuse-within only applies with --wait'],
    [
      ['--wait', '--reuse-within', '6 hours'],
      "--reuse-within: '6 hours' is not a positive duration",
    ],
    [['--wait', '--poll-interval', '1s'], '--poll-interval 1s is too fast'],
    [
      ['--frequency', '0 3 * *'],
      '--frequency: invalid cron expression "0 3 * *": expected 5 fields',
    ],
    [['--db-type', 'mysql,oracle'], '--db-type: unknown database type "oracle"'],
    [['--keep-count', '-1'], "--keep-count must be a whole number of at least 1, got '-1'"],
  ])('%j is a usage error (exit 2) before any request', async (args, message) => {
    const before = sb.requests.length;
    const result = await runCli(['backups', 'create', '--stack', 'blog', ...args], {
      env: sandboxEnv(sb),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${message}`);
    expect(sb.requests.length).toBe(before);
  });

  it("--wait with 'all' on a stack without backups asks for explicit db types (exit 2, nothing created)", async () => {
    const posts = createRequests(sb);
    const result = await runCli(
      ['backups', 'create', '--stack', 'fresh-app', '--wait', '--timeout', '30s'],
      {
        env: sandboxEnv(sb),
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: db type "all": .* has no backups yet/m);
    expect(createRequests(sb)).toBe(posts);
  });

  it('a read-only token: exit 1, and a hint about the admin scope', async () => {
    const result = await runCli(
      ['backups', 'create', '--stack', 'blog', '--db-type', 'postgresql'],
      {
        env: sandboxEnv(sb, sb.readOnlyToken),
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: /m);
    expect(result.stderr).toContain(
      'hint: creating or importing backups needs a token with the admin scope',
    );
    expectNoSecrets(result, [sb.readOnlyToken]);
  });
});

describe('c66-backup backups create --wait (failure, timeout, Ctrl-C)', () => {
  let failing: Sandbox;
  let slow: Sandbox;
  beforeAll(async () => {
    failing = await startTestSandbox({ backupDelayMs: 200, failDbTypes: ['redis'] });
    slow = await startTestSandbox({ backupDelayMs: 600_000 });
  });
  afterAll(async () => {
    await Promise.all([failing.close(), slow.close()]);
  });

  it('a backup that fails on Cloud 66 exits 3 with its reason', async () => {
    const result = await runCli(
      [
        'backups',
        'create',
        '--stack',
        'shop',
        '-e',
        'production',
        '--db-type',
        'redis',
        '--wait',
        '--timeout',
        '30s',
        '--poll-interval',
        '1s',
      ],
      { env: sandboxEnv(failing) },
    );
    expect(result.code).toBe(3);
    const id = await newestId(failing, stackUid(failing, 'shop'), 'redis');
    expect(result.stderr).toMatch(new RegExp(`^error: redis backup ${id} failed: .+`, 'm'));
    expect(result.stdout).toBe('');
  });

  it('no new backup within --timeout exits 4 naming what is missing', async () => {
    const result = await runCli(
      [
        'backups',
        'create',
        '--stack',
        'blog',
        '--db-type',
        'postgresql',
        '--wait',
        '--timeout',
        '3s',
        '--poll-interval',
        '1s',
      ],
      { env: sandboxEnv(slow) },
    );
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      /^error: no new backup for postgresql within 3 s\nhint: Cloud 66 may still finish the backup/m,
    );
  });

  it('Ctrl-C while waiting exits 130 promptly', async () => {
    const run = startCli(
      [
        'backups',
        'create',
        '--stack',
        'blog',
        '--db-type',
        'postgresql',
        '--wait',
        '--timeout',
        '60s',
        '--poll-interval',
        '1s',
      ],
      { env: sandboxEnv(slow) },
    );
    const posts = createRequests(slow);
    await until(() => createRequests(slow) > posts, 'the create request');
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/Cloud 66 may still finish it\nerror: interrupted\n$/);
  });
});
