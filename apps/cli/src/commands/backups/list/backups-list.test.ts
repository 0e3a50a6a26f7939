import { createClient } from '@c66-backup/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli, sandboxEnv, startCli, until } from '../../../../test/run-cli.js';
import { type Sandbox, startTestSandbox } from '../../../../test/test-sandbox.js';

const listPages = (sb: Sandbox, stackUid: string) =>
  sb.requests
    .filter((r) => r.method === 'GET' && r.path.endsWith(`/stacks/${stackUid}/backups`))
    .map((r) => Number(r.query.page));

describe('c66-backup backups list', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(async () => {
    await sb.close();
  });

  const stackNamed = (name: string, environment = 'production') => {
    const stack = sb.stacks().find((s) => s.name === name && s.environment === environment);
    if (!stack) throw new Error(`no seeded stack ${name}/${environment}`);
    return stack;
  };

  it('a list that shifts mid-walk: each backup printed once, a warning on stderr', async () => {
    const stack = sb.createStack({ name: 'live-list', dbTypes: ['mysql'], backups: 75 });
    sb.faults.inject({
      route: 'backups.list',
      kind: 'shift',
      insert: 1,
      prune: 1,
      match: { stackUid: stack.uid, page: 1 },
    });
    const result = await runCli(['backups', 'list', '--stack', stack.uid, '--json'], {
      env: sandboxEnv(sb),
    });
    expect(result.code).toBe(0);
    const ids = jsonLines(result.stdout).map((b) => (b as { id: number }).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(74); // 75, less the pruned one; the new one came after page 1
    expect(result.stderr).toMatch(/^warning: the list changed while it was read \(page 2: /m);
    sb.faults.clear();
  });

  it('prints every backup newest first, resolving the stack by name', async () => {
    const blog = stackNamed('blog');
    const result = await runCli(['backups', 'list', '--stack', 'blog'], { env: sandboxEnv(sb) });
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^\s*ID\s+DB TYPE\s+DATABASE\s+DATE\s+STATUS\s+VERIFIED\s+SIZE$/);
    const ids = rows.map((row) => Number(row.trim().split(/\s+/)[0]));
    expect(ids.length).toBeGreaterThan(30); // more than one page
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(rows[0]).toMatch(/postgresql\s+\S+\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(listPages(sb, blog.uid).length).toBeGreaterThan(1);
  });

  it('--json: one line per backup, statuses as names, dates ISO; --db-type and --limit apply', async () => {
    const shop = stackNamed('shop');
    const result = await runCli(
      ['backups', 'list', '--stack', shop.uid, '--db-type', 'redis', '--limit', '35', '--json'],
      { env: sandboxEnv(sb) },
    );
    expect(result.code).toBe(0);
    const backups = jsonLines(result.stdout) as Record<string, unknown>[];
    expect(backups).toHaveLength(35);
    for (const backup of backups) {
      expect(backup.db_type).toBe('redis');
      expect(['ok', 'failed']).toContain(backup.backup_status);
      expect(typeof backup.verify_status).toBe('string');
      expect(new Date(backup.backup_date_iso as string).toISOString()).toBe(backup.backup_date_iso);
    }
  });

  it('--group lists one backup group', async () => {
    const shop = stackNamed('shop');
    const redis = sb.backupGroups(shop.uid).find((g) => g.dbType === 'redis');
    if (!redis) throw new Error('no redis group');
    const result = await runCli(
      [
        'backups',
        'list',
        '--stack',
        shop.uid,
        '--group',
        String(redis.group),
        '--limit',
        '40',
        '--json',
      ],
      { env: sandboxEnv(sb) },
    );
    expect(result.code).toBe(0);
    const backups = jsonLines(result.stdout) as { db_type: string }[];
    expect(backups).toHaveLength(40);
    expect(new Set(backups.map((b) => b.db_type))).toEqual(new Set(['redis']));
  });

  it('an ambiguous stack name exits 2 listing the candidates', async () => {
    const result = await runCli(['backups', 'list', '--stack', 'shop'], { env: sandboxEnv(sb) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*shop/m);
    expect(result.stderr).toContain('production');
    expect(result.stderr).toContain('staging');
    expect(result.stderr).toContain('hint: pass the stack UID, or add --environment');
  });

  it('--environment picks among stacks sharing a name', async () => {
    const staging = stackNamed('shop', 'staging');
    const expected = await createClient({ token: sb.token, baseUrl: sb.apiUrl })
      .backups.list(staging.uid)
      .toArray({ limit: 3 });
    const result = await runCli(
      ['backups', 'list', '--stack', 'shop', '--environment', 'staging', '--limit', '3', '--json'],
      { env: sandboxEnv(sb) },
    );
    expect(result.code).toBe(0);
    const ids = (jsonLines(result.stdout) as { id: number }[]).map((b) => b.id);
    expect(ids).toEqual(expected.map((b) => b.id));
  });

  it.each([
    [['--db-type', 'oracle'], /--db-type: unknown database type "oracle"/],
    [['--db-type', 'all'], /--db-type takes one database type here/],
    [['--limit', '0'], /--limit must be a whole number of at least 1, got '0'/],
    [['--limit', 'ten'], /--limit must be a whole number/],
  ])('%j is a usage error before any request', async (args, message) => {
    const before = sb.requests.length;
    const result = await runCli(['backups', 'list', '--stack', 'blog', ...args], {
      env: sandboxEnv(sb),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(sb.requests.length).toBe(before);
  });

  it('a stack without backups says so on stderr and exits 0', async () => {
    const result = await runCli(['backups', 'list', '--stack', 'fresh-app'], {
      env: sandboxEnv(sb),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no backups found for stack fresh-app');
  });
});

describe('c66-backup backups list (streaming)', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    // Slow pages and many of them: printing must not wait for the whole list.
    sb = await startTestSandbox({ backups: 900, latencyMs: 150 });
  });
  afterAll(async () => {
    await sb.close();
  });

  it('prints the first rows before the last page is even requested', async () => {
    const bulk = sb.stacks().find((s) => s.name === 'bulk');
    if (!bulk) throw new Error('no bulk stack');
    const run = startCli(['backups', 'list', '--stack', bulk.uid, '--json'], {
      env: sandboxEnv(sb),
    });
    await until(() => run.result.stdout.includes('\n'), 'the first row');
    const pagesWhenFirstRowArrived = listPages(sb, bulk.uid);
    const exitedWhenFirstRowArrived = run.child.exitCode !== null;
    const result = await run.done;
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toHaveLength(900);
    const lastPage = Math.max(...listPages(sb, bulk.uid));
    expect(lastPage).toBe(30);
    expect(exitedWhenFirstRowArrived).toBe(false);
    expect(pagesWhenFirstRowArrived).not.toContain(lastPage);
  });

  it('--limit stops fetching pages once it has enough', async () => {
    const bulk = sb.stacks().find((s) => s.name === 'bulk');
    if (!bulk) throw new Error('no bulk stack');
    const before = listPages(sb, bulk.uid).length;
    const result = await runCli(
      ['backups', 'list', '--stack', bulk.uid, '--limit', '31', '--json'],
      {
        env: sandboxEnv(sb),
      },
    );
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toHaveLength(31);
    expect(listPages(sb, bulk.uid).slice(before).sort()).toEqual([1, 2]);
  });
});
