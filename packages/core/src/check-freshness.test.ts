import { FRESHNESS_STACKS } from '@c66-backup/sandbox';
import { describe, expect, it } from 'vitest';
import { apiRequests, sandboxClient, useSandbox } from '../test/sandbox.js';
import { checkFreshness, InvalidInputError } from './index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const sandbox = useSandbox();

function uidOf(name: string, environment = 'production'): string {
  const stack = sandbox()
    .stacks()
    .find((s) => s.name === name && s.environment === environment);
  if (!stack) throw new Error(`no stack ${name}`);
  return stack.uid;
}

const listed = (uid: string) => apiRequests(sandbox(), `/stacks/${uid}/backups`);

describe('checkFreshness', () => {
  it('a fresh stack: every db type it has, page 1 of each type and nothing more', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    const uid = uidOf(FRESHNESS_STACKS.fresh);
    const report = await checkFreshness(client, uid, 'all', { maxAgeMs: 26 * HOUR });
    expect(report.fresh).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.dbTypes.map((d) => [d.dbType, d.state])).toEqual([
      ['postgresql', 'fresh'],
      ['redis', 'fresh'],
    ]);
    for (const d of report.dbTypes) {
      expect(d.ageMs).toBe(report.checkedAt.getTime() - (d.backup?.backup_date_iso.getTime() ?? 0));
      expect(d.ageMs).toBeLessThan(6 * HOUR);
      expect(d.reason).toMatch(
        new RegExp(`^${d.dbType}: backup ${d.backup?.id}, \\d+h \\d\\dm old$`),
      );
    }
    expect(listed(uid).map((r) => r.query.page)).toEqual(['1', '1', '1', '1']);
  });

  it('a stale stack: the newest good backup, its age and why it is too old', async () => {
    const { client } = sandboxClient(sandbox());
    const report = await checkFreshness(client, uidOf(FRESHNESS_STACKS.stale), ['mysql'], {
      maxAgeMs: 26 * HOUR,
    });
    expect(report.fresh).toBe(false);
    const [mysql] = report.dbTypes;
    expect(mysql?.state).toBe('stale');
    expect(mysql?.ageMs).toBeGreaterThan(4 * DAY - 60_000);
    expect(report.problems).toEqual([
      `mysql: newest good backup is backup ${mysql?.backup?.id}, 4d 00h old, older than 1d 02h`,
    ]);
  });

  it('a failed newest backup makes the db type failed, though an older good one is recent', async () => {
    const { client } = sandboxClient(sandbox());
    const report = await checkFreshness(client, uidOf(FRESHNESS_STACKS.failed), 'all', {
      maxAgeMs: 26 * HOUR,
    });
    const [pg] = report.dbTypes;
    expect(pg?.state).toBe('failed');
    expect(pg?.failure?.backup_status.name).toBe('failed');
    expect(pg?.backup?.backup_status.name).toBe('ok');
    expect(pg?.failure?.id).toBeGreaterThan(pg?.backup?.id ?? Number.POSITIVE_INFINITY);
    expect(pg?.ageMs).toBeLessThan(26 * HOUR);
    expect(report.problems[0]).toMatch(
      /^postgresql: newest backup \d+ \(1h 00m old\) failed: pg_dump: .+; newest good backup: backup \d+, 7h 0\dm old$/,
    );
    expect(report.fresh).toBe(false);
  });

  it('an empty stack: nothing fresh, and says so for all or for named types', async () => {
    const { client } = sandboxClient(sandbox());
    const uid = uidOf('fresh-app', 'development');
    const all = await checkFreshness(client, uid, 'all', { maxAgeMs: HOUR });
    expect(all).toMatchObject({ fresh: false, dbTypes: [] });
    expect(all.problems).toEqual(['the stack has no backups of any database type']);
    const named = await checkFreshness(client, uid, ['mysql'], { maxAgeMs: HOUR });
    expect(named.dbTypes.map((d) => d.state)).toEqual(['missing']);
    expect(named.problems).toEqual(['mysql: no backups']);
  });

  it('pages on only while the window is not passed', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'flaky', dbTypes: ['mysql'], backups: 40 });
    sb.addBackups(stack.uid, { dbType: 'mysql', count: 35, status: 'failed' });
    const { client } = sandboxClient(sb);
    const wide = await checkFreshness(client, stack.uid, ['mysql'], { maxAgeMs: 26 * HOUR });
    expect(wide.dbTypes[0]?.state).toBe('failed');
    expect(wide.dbTypes[0]?.backup?.backup_status.name).toBe('ok');
    expect(listed(stack.uid).map((r) => r.query.page)).toEqual(['1', '2']);
    sb.clearRequests();
    // Page 1 already reaches back 30 minutes: a good backup further back could not be fresh.
    const narrow = await checkFreshness(client, stack.uid, ['mysql'], { maxAgeMs: 10 * 60_000 });
    expect(narrow.dbTypes[0]?.backup).toBeUndefined();
    expect(narrow.problems[0]).toMatch(/failed: .+; no good backup found$/);
    expect(listed(stack.uid).map((r) => r.query.page)).toEqual(['1']);
  });

  it('requireVerified: only verified backups count, a failed verification is a failure', async () => {
    const sb = sandbox();
    const stack = sb.createStack({ name: 'verified', dbTypes: ['postgresql'], backups: 0 });
    const now = Date.now();
    const [verified] = sb.addBackups(stack.uid, {
      dbType: 'postgresql',
      verified: true,
      startedAt: now - 3 * HOUR,
    });
    sb.addBackups(stack.uid, { dbType: 'postgresql', count: 2, startedAt: now - HOUR });
    const { client } = sandboxClient(sb);
    const plain = await checkFreshness(client, stack.uid, ['postgresql'], { maxAgeMs: 2 * HOUR });
    expect(plain.fresh).toBe(true);
    const strict = await checkFreshness(client, stack.uid, ['postgresql'], {
      maxAgeMs: 2 * HOUR,
      requireVerified: true,
    });
    expect(strict.dbTypes[0]?.backup?.id).toBe(verified?.id);
    expect(strict.dbTypes[0]?.state).toBe('stale');
    expect(strict.problems[0]).toMatch(
      /^postgresql: newest verified good backup is backup \d+, 3h 00m old/,
    );
  });

  it('rejects a window that is not positive and an empty list of types', async () => {
    const { client } = sandboxClient(sandbox());
    await expect(checkFreshness(client, 'x', ['mysql'], { maxAgeMs: 0 })).rejects.toThrow(
      InvalidInputError,
    );
    await expect(checkFreshness(client, 'x', [], { maxAgeMs: HOUR })).rejects.toThrow(
      InvalidInputError,
    );
  });
});
