import {
  profileFromEnv,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from '@c66-backup/sandbox';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, type BundleRun, NODE, nodeVersion, runBundle } from './run-bundle.js';

// The committed bundle, spawned exactly as the runner spawns it, against a sandbox in this
// process. C66_NODE24 selects the Node binary (GitHub runs the action on Node 24).
const OUTPUT_NAMES = [
  'backup-id',
  'backup-ids',
  'backup-status',
  'backup-date',
  'database-name',
  'timed-out',
  'reused',
];

let sandbox: Sandbox | undefined;
/** A sandbox in the profile this test project runs (vitest.config.ts: one run per profile). */
async function sandboxWith(options: SandboxOptions = {}): Promise<Sandbox> {
  const profile = profileFromEnv();
  sandbox = await startSandbox({ port: 0, profile, backupDelayMs: 200, ...options });
  return sandbox;
}
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

beforeAll(() => {
  console.log(`e2e: running ${BUNDLE} with ${NODE} (${nodeVersion()})`);
});

function inputs(sb: Sandbox, extra: Record<string, string>): Record<string, string> {
  return { 'api-token': sb.token, 'api-url': sb.apiUrl, 'poll-interval-seconds': '1', ...extra };
}

/** The token may reach stdout only inside the runner's own `::add-mask::` command. */
function expectNoTokenLeak(run: BundleRun, token: string): void {
  const maskLines = run.stdout.split('\n').filter((line) => line === `::add-mask::${token}`);
  expect(maskLines).toHaveLength(1);
  expect(run.stdout.indexOf(`::add-mask::${token}`)).toBe(0);
  const rest = run.stdout.replace(`::add-mask::${token}`, '');
  for (const text of [rest, run.stderr, run.summary, run.state, JSON.stringify(run.outputs)]) {
    expect(text).not.toContain(token);
  }
}

function expectEveryOutput(run: BundleRun): void {
  expect(Object.keys(run.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
}

describe('the committed bundle, run as the runner runs it', () => {
  it('backs up several db types and outputs their ids', async () => {
    const sb = await sandboxWith();
    const run = await runBundle({
      inputs: inputs(sb, { stack: 'shop', environment: 'production', 'db-type': 'redis,mysql' }),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectEveryOutput(run);
    const ids = JSON.parse(run.outputs['backup-ids'] ?? '') as Record<string, number>;
    expect(Object.keys(ids)).toEqual(['redis', 'mysql']);
    expect(run.outputs['backup-id']).toBe(String(ids.redis));
    expect(run.outputs['backup-status']).toBe('ok');
    expect(run.outputs['database-name']).not.toBe('');
    expect(Number.isNaN(Date.parse(run.outputs['backup-date'] ?? ''))).toBe(false);
    expect(run.outputs.reused).toBe('false');
    expect(run.outputs['timed-out']).toBe('false');
    expect(run.stdout).toMatch(/^Stack: shop \(production\) [0-9a-f]{32}$/m);
    expect(run.stdout).toContain('Cloud 66 queued the backup of redis, mysql');
    expect(run.stdout).toMatch(new RegExp(`^redis: backup ${ids.redis} \\(ok, `, 'm'));
    expect(run.summary).toContain('<h2>Cloud 66 backup finished</h2>');
    expect(run.summary).toContain(`<td>redis</td>`);
    expect(run.summary).toContain(`<td>${ids.mysql}</td>`);
    const creates = sb.requests.filter((r) => r.method === 'POST');
    expect(creates).toHaveLength(1);
    expect(String(creates[0]?.headers['user-agent'])).toMatch(
      /^c66-backup-action\/\d+\.\d+\.\d+ \(/,
    );
    expectNoTokenLeak(run, sb.token);
  });

  it('a second run with reuse-within reuses the backup the first one made: no POST, reused true', async () => {
    const sb = await sandboxWith();
    const stack = { stack: 'blog', 'db-type': 'postgresql', 'reuse-within': '1h' };
    // blog's seeded backups are months old: the first run creates one.
    const first = await runBundle({ inputs: inputs(sb, stack) });
    expect(first.code).toBe(0);
    expect(first.outputs.reused).toBe('false');
    expect(first.stdout).toMatch(
      /^Not reusable: postgresql: newest good backup is backup \d+, \d+d \d\dh old, older than 1h 00m$/m,
    );
    const created = first.outputs['backup-id'];
    expect(sb.requests.filter((r) => r.method === 'POST')).toHaveLength(1);

    const second = await runBundle({ inputs: inputs(sb, stack) });
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expectEveryOutput(second);
    expect(second.outputs.reused).toBe('true');
    expect(second.outputs['backup-id']).toBe(created);
    expect(second.outputs['backup-ids']).toBe(JSON.stringify({ postgresql: Number(created) }));
    expect(second.stdout).toMatch(
      new RegExp(
        `^postgresql: reusing backup ${created} \\(ok, .+\\), started \\d+s ago \\(within 1h 00m\\)$`,
        'm',
      ),
    );
    expect(second.summary).toContain('<h2>Recent Cloud 66 backups reused</h2>');
    expect(second.summary).toMatch(
      new RegExp(`Reused \\(started within 1h 00m\\): postgresql ${created}, \\d+s old\\.`),
    );
    expect(sb.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expectNoTokenLeak(second, sb.token);
  });

  it("fails the step with Cloud 66's backup_result when the backup fails", async () => {
    const sb = await sandboxWith();
    const stack = sb.createStack({ name: 'failing-app', dbTypes: ['postgresql'], backups: 3 });
    sb.setBackupOutcome({
      stackUid: stack.uid,
      outcome: 'failed',
      result: 'pg_dump: disk full on db1',
    });
    const run = await runBundle({
      inputs: inputs(sb, { stack: stack.uid, 'db-type': 'postgresql' }),
    });
    expect(run.code).toBe(1);
    expectEveryOutput(run);
    expect(run.outputs['backup-status']).toBe('failed');
    expect(run.outputs['backup-id']).toMatch(/^\d+$/);
    expect(run.stdout).toContain(
      `::error::postgresql backup ${run.outputs['backup-id']} failed: pg_dump: disk full on db1`,
    );
    expect(run.summary).toContain('<h2>Cloud 66 backup failed</h2>');
    expectNoTokenLeak(run, sb.token);
  });

  it('on a stack and backups with only the required fields: dashes, never a placeholder', async () => {
    const sb = await sandboxWith();
    sb.createStack({
      name: 'bare-app',
      environment: 'production',
      dbTypes: ['mysql'],
      backups: 2,
      fields: 'required',
    });
    const run = await runBundle({
      inputs: inputs(sb, { stack: 'bare-app', environment: 'production', 'db-type': 'mysql' }),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectEveryOutput(run);
    expect(run.outputs['backup-id']).toMatch(/^\d+$/);
    expect(run.outputs['backup-status']).toBe('ok');
    expect(run.outputs['database-name']).toBe('');
    expect(Number.isNaN(Date.parse(run.outputs['backup-date'] ?? ''))).toBe(false);
    expect(run.stdout).toContain(`mysql: backup ${run.outputs['backup-id']} (ok)`);
    // Database and size: dashes in the summary table.
    expect(run.summary).toMatch(/<td>mysql<\/td><td>—<\/td><td>\d+<\/td><td>ok<\/td>/);
    for (const text of [run.stdout, run.summary, JSON.stringify(run.outputs)]) {
      expect(text).not.toMatch(/\bundefined\b|\bnull\b|\bNaN\b|Invalid Date/);
    }
    expectNoTokenLeak(run, sb.token);
  });

  it.each([
    ['true', 1],
    ['false', 0],
  ])(
    'on timeout with fail-on-timeout %s, exits %i and says what is missing',
    async (failOnTimeout, code) => {
      const sb = await sandboxWith({ backupDelayMs: 60_000 });
      const run = await runBundle({
        inputs: inputs(sb, {
          stack: 'blog',
          'db-type': 'postgresql',
          'timeout-seconds': '2',
          'fail-on-timeout': failOnTimeout,
        }),
      });
      expect(run.code).toBe(code);
      expectEveryOutput(run);
      expect(run.outputs['timed-out']).toBe('true');
      expect(run.outputs['backup-id']).toBe('');
      expect(run.outputs['backup-ids']).toBe('{}');
      const annotation = failOnTimeout === 'true' ? '::error::' : '::warning::';
      expect(run.stdout).toContain(
        `${annotation}Timed out: no new backup for postgresql within 2 s`,
      );
      expect(run.summary).toContain('<h2>Cloud 66 backup timed out</h2>');
      expect(run.summary).toContain('Still missing when the wait ended: postgresql');
      expectNoTokenLeak(run, sb.token);
    },
  );

  it('fails on an unknown stack name, listing the candidates, without creating anything', async () => {
    const sb = await sandboxWith();
    const run = await runBundle({ inputs: inputs(sb, { stack: 'Shop' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::Stack: no stack named "Shop"; did you mean: shop \(production\) [0-9a-f]{32}, shop \(staging\)/,
    );
    expect(sb.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expectEveryOutput(run);
    expect(run.outputs['backup-id']).toBe('');
    expectNoTokenLeak(run, sb.token);
  });

  it('fails clearly on a revoked token', async () => {
    const sb = await sandboxWith();
    sb.revokeToken(sb.token);
    const run = await runBundle({ inputs: inputs(sb, { stack: 'blog' }) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::Cloud 66 rejected the api-token (401');
    expect(sb.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expectNoTokenLeak(run, sb.token);
  });

  it('rejects bad inputs before any request', async () => {
    const sb = await sandboxWith();
    const run = await runBundle({
      inputs: inputs(sb, {
        stack: 'blog',
        'db-type': 'postgres',
        'timeout-seconds': '-1',
        frequency: 'daily',
      }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::Input \'db-type\': unknown database type "postgres"');
    expect(run.stdout).toContain(
      "::error::Input 'timeout-seconds': '-1' is not a positive whole number",
    );
    expect(run.stdout).toContain('::error::Input \'frequency\': invalid cron expression "daily"');
    expect(sb.requests).toHaveLength(0);
    expectNoTokenLeak(run, sb.token);
  });

  it('on SIGINT mid-wait, stops within 2 s, writes the summary and the outputs, exits non-zero', async () => {
    const sb = await sandboxWith({ backupDelayMs: 60_000 });
    const run = await runBundle({
      inputs: inputs(sb, { stack: 'shop', environment: 'staging', 'db-type': 'mysql,redis' }),
      interruptWhen: 'Cloud 66 queued the backup',
    });
    expect(run.exitAfterSignalMs).toBeDefined();
    expect(run.exitAfterSignalMs).toBeLessThan(2000);
    expect(run.signal).toBeNull();
    expect(run.code).not.toBe(0);
    expectEveryOutput(run);
    expect(run.outputs['timed-out']).toBe('false');
    expect(run.outputs['backup-ids']).toBe('{}');
    expect(run.stdout).toContain('::error::Cancelled by SIGINT');
    expect(run.stdout).toContain(
      '::warning::The run was cancelled while waiting: Cloud 66 may still finish',
    );
    expect(run.summary).toContain('<h2>Cloud 66 backup cancelled</h2>');
    expect(run.summary).toContain('Cloud 66 may still finish the backup');
    expect(run.summary).toContain('<td>not finished</td>');
    expectNoTokenLeak(run, sb.token);
  });
});
