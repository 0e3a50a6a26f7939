import { FRESHNESS_STACKS } from '@c66-backup/sandbox';
import { describe, expect, it } from 'vitest';
import { apiRequests, sandboxClient, useSandbox } from '../test/sandbox.js';
import { createOrReuseBackup, InvalidInputError, type ReusePlan } from './index.js';

const HOUR = 3_600_000;
const sandbox = useSandbox({ backupDelayMs: 30 });
const wait = { pollIntervalMs: 20, timeoutMs: 10_000 };

function uidOf(name: string): string {
  const stack = sandbox()
    .stacks()
    .find((s) => s.name === name);
  if (!stack) throw new Error(`no stack ${name}`);
  return stack.uid;
}
const posts = (uid: string) => apiRequests(sandbox(), `/stacks/${uid}/backups`, 'POST');

/** A stack with one backup per entry, each started `ageMs` ago. */
function stackWith(name: string, ages: Partial<Record<'postgresql' | 'redis', number>>) {
  const sb = sandbox();
  const dbTypes = Object.keys(ages) as ('postgresql' | 'redis')[];
  const stack = sb.createStack({ name, dbTypes, backups: 0 });
  const now = Date.now();
  const ids: Record<string, number | undefined> = {};
  for (const dbType of dbTypes) {
    const [b] = sb.addBackups(stack.uid, { dbType, startedAt: now - (ages[dbType] ?? 0) });
    ids[dbType] = b?.id;
  }
  return { uid: stack.uid, ids };
}

describe('createOrReuseBackup', () => {
  it('every db type fresh within the window: outputs them and sends no POST at all', async () => {
    const { client } = sandboxClient(sandbox());
    const uid = uidOf(FRESHNESS_STACKS.fresh);
    const plans: ReusePlan[] = [];
    const result = await createOrReuseBackup(
      client,
      uid,
      { dbTypes: 'all', reuseWithinMs: 6 * HOUR, onPlan: (plan) => plans.push(plan) },
      wait,
    );
    expect(result.created).toEqual([]);
    expect(result.dbTypes).toEqual(['postgresql', 'redis']);
    expect(result.reused.map((r) => r.dbType)).toEqual(['postgresql', 'redis']);
    expect(plans).toEqual([{ freshness: result.freshness, reused: result.reused, creating: [] }]);
    expect(result.backups.postgresql?.id).toBe(result.reused[0]?.backup?.id);
    expect(result.creation).toBeUndefined();
    expect(posts(uid)).toHaveLength(0);
  });

  it('several db types, one stale: creates only that one and keeps the other', async () => {
    const { uid, ids } = stackWith('partial', { postgresql: HOUR, redis: 10 * HOUR });
    const { client } = sandboxClient(sandbox());
    const result = await createOrReuseBackup(
      client,
      uid,
      { dbTypes: ['redis', 'postgresql'], reuseWithinMs: 6 * HOUR },
      wait,
    );
    expect(result.dbTypes).toEqual(['redis', 'postgresql']);
    expect(result.created).toEqual(['redis']);
    expect(result.backups.postgresql?.id).toBe(ids.postgresql);
    expect(result.backups.redis?.id).toBeGreaterThan(ids.redis ?? Number.POSITIVE_INFINITY);
    expect(posts(uid)).toHaveLength(1);
    expect(
      sandbox()
        .backupTasks(uid)
        .map((t) => t.dbType),
    ).toEqual(['redis']);
  });

  it('a window missed by 30 seconds creates a new backup', async () => {
    const { uid, ids } = stackWith('just-missed', { postgresql: 6 * HOUR + 30_000 });
    const { client } = sandboxClient(sandbox());
    const result = await createOrReuseBackup(
      client,
      uid,
      { dbTypes: ['postgresql'], reuseWithinMs: 6 * HOUR },
      wait,
    );
    expect(result.reused).toEqual([]);
    expect(result.freshness?.dbTypes[0]?.state).toBe('stale');
    expect(result.backups.postgresql?.id).toBeGreaterThan(
      ids.postgresql ?? Number.POSITIVE_INFINITY,
    );
    expect(posts(uid)).toHaveLength(1);
  });

  it('never reuses past a failed newest backup, though a good one is inside the window', async () => {
    const { client } = sandboxClient(sandbox());
    const uid = uidOf(FRESHNESS_STACKS.failed);
    const result = await createOrReuseBackup(
      client,
      uid,
      { dbTypes: 'all', reuseWithinMs: 26 * HOUR },
      wait,
    );
    expect(result.freshness?.dbTypes[0]?.state).toBe('failed');
    expect(result.reused).toEqual([]);
    expect(result.created).toEqual(['postgresql']);
    expect(result.backups.postgresql?.backup_status.name).toBe('ok');
    expect(result.backups.postgresql?.id).toBeGreaterThan(
      result.freshness?.dbTypes[0]?.failure?.id ?? Number.POSITIVE_INFINITY,
    );
    expect(posts(uid)).toHaveLength(1);
  });

  it('without a window it is createBackupAndWait; a window <= 0 is refused before any request', async () => {
    const { uid } = stackWith('always', { postgresql: 60_000 });
    const { client } = sandboxClient(sandbox());
    const result = await createOrReuseBackup(client, uid, { dbTypes: ['postgresql'] }, wait);
    expect(result.created).toEqual(['postgresql']);
    expect(result.freshness).toBeUndefined();
    expect(posts(uid)).toHaveLength(1);
    await expect(
      createOrReuseBackup(client, uid, { dbTypes: ['postgresql'], reuseWithinMs: 0 }, wait),
    ).rejects.toThrow(InvalidInputError);
    expect(posts(uid)).toHaveLength(1);
  });
});
