import { FRESHNESS_STACKS, startSandbox } from '@c66-backup/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecrets, runCli, sandboxEnv } from '../../../test/run-cli.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

describe('c66-backup check', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sb.close();
  });
  const check = (...args: string[]) =>
    runCli(['check', ...args], { env: sandboxEnv(sb, sb.readOnlyToken) });

  it('a fresh stack: exit 0, a row per db type, nothing on stderr', async () => {
    const result = await check('--stack', FRESHNESS_STACKS.fresh);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^DB TYPE\s+STATE\s+BACKUP\s+STARTED\s+AGE\s+VERIFIED$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([
      ['postgresql', 'fresh'],
      ['redis', 'fresh'],
    ]);
    expectNoSecrets(result, [sb.token, sb.readOnlyToken]);
  });

  it('a stale stack: exit 5 with the reason on stderr', async () => {
    const result = await check('--stack', FRESHNESS_STACKS.stale, '--max-age', '2d');
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(
      /^mysql: newest good backup is backup \d+, 4d 00h old, older than 2d 00h\nerror: legacy-crm: 1 problem with its backups \(see above\)\n$/,
    );
    expect(result.stdout).toMatch(/^mysql\s+stale\s+\d+\s+/m);
  });

  it('a failed newest backup: exit 5; --json says why and still names the good backup', async () => {
    const result = await check('--stack', FRESHNESS_STACKS.failed, '--json');
    expect(result.code).toBe(5);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ fresh: false, max_age_seconds: 26 * 3600 });
    const [pg] = doc.db_types;
    expect(pg).toMatchObject({
      db_type: 'postgresql',
      state: 'failed',
      verify_status: 'not_verified',
    });
    expect(pg.failed_backup_id).toBeGreaterThan(pg.backup_id);
    expect(pg.age_seconds).toBeGreaterThanOrEqual(7 * 3600);
    expect(result.stderr).toMatch(
      /^postgresql: newest backup \d+ \(1h 00m old\) failed: pg_dump: /,
    );
  });

  it('an empty stack: exit 5, for all and for a named db type', async () => {
    const all = await check('--stack', 'fresh-app', '--environment', 'development');
    expect(all.code).toBe(5);
    expect(all.stderr).toContain('the stack has no backups of any database type');
    const named = await check('--stack', 'fresh-app', '--db-type', 'mysql', '--json');
    expect(named.code).toBe(5);
    // --json leaves out what is absent (issue 11): no backup, so no backup_id, no age.
    const [missing] = JSON.parse(named.stdout).db_types;
    expect(missing).toMatchObject({ db_type: 'mysql', state: 'missing' });
    expect('backup_id' in missing || 'age_seconds' in missing).toBe(false);
  });

  it('--verified: an unverified fresh backup does not count', async () => {
    const result = await check(
      '--stack',
      FRESHNESS_STACKS.fresh,
      '--db-type',
      'redis',
      '--verified',
    );
    expect(result.code).toBe(5);
    expect(result.stderr).toContain('redis: no verified good backup in the last 1d 02h');
  });

  it.each([
    [['--max-age', '26 hours'], "--max-age: '26 hours' is not a positive duration"],
    [['--db-type', 'postgres'], '--db-type: unknown database type "postgres"'],
  ])('%j is a usage error (exit 2) before any request', async (args, message) => {
    const before = sb.requests.length;
    const result = await check('--stack', 'blog', ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${message}`);
    expect(sb.requests.length).toBe(before);
  });

  it('an API failure is exit 1, not a verdict', async () => {
    const result = await runCli(['check', '--stack', FRESHNESS_STACKS.fresh], {
      env: sandboxEnv(sb, 'a-token-the-sandbox-does-not-know'),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  });
});
