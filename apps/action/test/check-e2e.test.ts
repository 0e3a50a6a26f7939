import { FRESHNESS_STACKS, type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundleRun, CHECK_BUNDLE, runBundle } from './run-bundle.js';

// check/action.yml's entry, spawned as the runner spawns it: INPUT_* variables, the
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the exit code.
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb.close();
});

function check(inputs: Record<string, string>): Promise<BundleRun> {
  return runBundle({
    entry: CHECK_BUNDLE,
    inputs: { 'api-token': sb.readOnlyToken, 'api-url': sb.apiUrl, ...inputs },
  });
}

function expectClean(run: BundleRun): void {
  expect(Object.keys(run.outputs).sort()).toEqual(['ages-seconds', 'backup-ids', 'fresh']);
  const rest = run.stdout.replace(`::add-mask::${sb.readOnlyToken}`, '');
  for (const text of [rest, run.stderr, run.summary, JSON.stringify(run.outputs)]) {
    expect(text).not.toContain(sb.readOnlyToken);
  }
  expect(sb.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
}

describe('the check action, run as the runner runs it', () => {
  it('a fresh stack: exit 0, fresh true, ids and ages of every db type, a summary table', async () => {
    const run = await check({ stack: FRESHNESS_STACKS.fresh });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.fresh).toBe('true');
    const ids = JSON.parse(run.outputs['backup-ids'] ?? '');
    const ages = JSON.parse(run.outputs['ages-seconds'] ?? '');
    expect(Object.keys(ids)).toEqual(['postgresql', 'redis']);
    for (const dbType of ['postgresql', 'redis']) {
      expect(ages[dbType]).toBeGreaterThanOrEqual(2 * 3600);
      expect(ages[dbType]).toBeLessThan(6 * 3600);
    }
    expect(run.stdout).toMatch(
      new RegExp(`^fresh: postgresql: backup ${ids.postgresql}, \\dh \\d\\dm old$`, 'm'),
    );
    expect(run.summary).toContain('<h2>Cloud 66 backups are fresh</h2>');
    expect(run.summary).toContain('started within 1d 02h');
    expect(run.summary).toContain(`<td>${ids.redis}</td>`);
    expect(run.summary).toContain('<th>Newer failure</th>');
    expectClean(run);
  });

  it('a stale stack: exit 1 naming the db type and the age; with fail-on-stale false, a warning and exit 0', async () => {
    const run = await check({ stack: FRESHNESS_STACKS.stale, 'max-age': '2d' });
    expect(run.code).toBe(1);
    expect(run.outputs.fresh).toBe('false');
    expect(JSON.parse(run.outputs['ages-seconds'] ?? '').mysql).toBeGreaterThanOrEqual(4 * 86_400);
    expect(run.stdout).toMatch(
      /^::error::Backups of legacy-crm \(production\) are not fresh: mysql: newest good backup is backup \d+, 4d 00h old, older than 2d 00h$/m,
    );
    expect(run.summary).toContain('<h2>Cloud 66 backups need attention</h2>');
    expect(run.summary).toContain('<td>stale</td>');
    expectClean(run);

    const lenient = await check({ stack: FRESHNESS_STACKS.stale, 'fail-on-stale': 'false' });
    expect(lenient.code).toBe(0);
    expect(lenient.outputs.fresh).toBe('false');
    expect(lenient.stdout).toMatch(
      /^::warning::Backups of legacy-crm .* \(fail-on-stale is false\)$/m,
    );
  });

  it('a stack whose newest backup failed: exit 1, the failure in the summary, the good one in the outputs', async () => {
    const run = await check({ stack: FRESHNESS_STACKS.failed });
    expect(run.code).toBe(1);
    expect(run.outputs.fresh).toBe('false');
    const { postgresql } = JSON.parse(run.outputs['backup-ids'] ?? '');
    expect(postgresql).toEqual(expect.any(Number));
    expect(run.stdout).toMatch(
      /::error::.*postgresql: newest backup \d+ \(1h 00m old\) failed: pg_dump: /,
    );
    expect(run.summary).toContain('<td>failed</td>');
    expect(run.summary).toMatch(/<td>\d+, 1h 00m old: pg_dump: [^<]+<\/td>/);
    expectClean(run);
  });

  it('an empty stack: exit 1, nothing claimed', async () => {
    const run = await check({ stack: 'fresh-app', environment: 'development' });
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({ fresh: 'false', 'backup-ids': '{}', 'ages-seconds': '{}' });
    expect(run.stdout).toContain(
      '::error::Backups of fresh-app (development) are not fresh: the stack has no backups of any database type',
    );
    expectClean(run);
  });

  it('require-verified: unverified backups do not count', async () => {
    const run = await check({
      stack: FRESHNESS_STACKS.fresh,
      'db-type': 'redis',
      'require-verified': 'true',
    });
    expect(run.code).toBe(1);
    expect(run.outputs['backup-ids']).toBe('{}');
    expect(run.stdout).toContain('redis: no verified good backup in the last 1d 02h');
    expectClean(run);
  });

  it('rejects bad inputs before any request', async () => {
    sb.clearRequests();
    const run = await check({ stack: 'blog', 'max-age': '26 hours', 'db-type': 'postgres' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::Input 'max-age': '26 hours' is not a positive duration");
    expect(run.stdout).toContain('::error::Input \'db-type\': unknown database type "postgres"');
    expect(run.outputs.fresh).toBe('false');
    expect(sb.requests).toHaveLength(0);
  });
});
