import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, stackNamed } from '../../../test/helpers.js';
import { FRESHNESS_STACKS, type Sandbox, startSandbox } from '../../index.js';

const HOUR = 3_600_000;
// Any day will do: these stacks are dated from the sandbox's clock, not from the seed anchor.
const NOW = Date.UTC(2031, 5, 9, 12, 0, 0);

describe('stacks seeded fresh, stale and with a failed newest backup', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, now: () => NOW });
  });
  afterAll(async () => {
    await sb.close();
  });

  // biome-ignore lint/suspicious/noExplicitAny: API JSON
  async function page1(name: string, dbType: string): Promise<any[]> {
    const uid = stackNamed(sb, name).uid;
    return (await api(sb, `/stacks/${uid}/backups?db_type=${dbType}`)).json.response;
  }
  const ageHours = (backup: { backup_date_iso: string }) =>
    (NOW - Date.parse(backup.backup_date_iso)) / HOUR;

  it(`${FRESHNESS_STACKS.fresh}: every db type has an ok backup a few hours old`, async () => {
    for (const dbType of ['postgresql', 'redis']) {
      const [newest] = await page1(FRESHNESS_STACKS.fresh, dbType);
      expect(newest.backup_status).toBe(0);
      expect(ageHours(newest)).toBeGreaterThan(1.9);
      expect(ageHours(newest)).toBeLessThan(6);
    }
  });

  it(`${FRESHNESS_STACKS.stale}: the newest backup is ok but 4 days old`, async () => {
    const [newest] = await page1(FRESHNESS_STACKS.stale, 'mysql');
    expect(newest.backup_status).toBe(0);
    expect(ageHours(newest)).toBeGreaterThan(4 * 24 - 0.1);
    expect(ageHours(newest)).toBeLessThan(4 * 24 + 0.1);
  });

  it(`${FRESHNESS_STACKS.failed}: the newest backup failed an hour ago, an ok one 7 hours ago`, async () => {
    const [failed, good] = await page1(FRESHNESS_STACKS.failed, 'postgresql');
    expect(failed.backup_status).toBe(1);
    expect(failed.backup_result).toMatch(/pg_dump/);
    expect(ageHours(failed)).toBeCloseTo(1, 1);
    expect(failed.id).toBeGreaterThan(good.id);
    expect(good.backup_status).toBe(0);
    expect(ageHours(good)).toBeGreaterThan(6.9);
    expect(ageHours(good)).toBeLessThan(7.1);
  });

  it('keeps the stack records deterministic: only the backups follow the clock', async () => {
    const later = await startSandbox({ port: 0, now: () => NOW + 5_500 });
    try {
      expect(later.stacks()).toEqual(sb.stacks());
    } finally {
      await later.close();
    }
  });

  it('leaves the other seeded stacks where they were (ids before theirs)', () => {
    const names = sb.stacks().map((s) => s.name);
    expect(names.slice(-3)).toEqual(Object.values(FRESHNESS_STACKS));
    expect(names.indexOf('bulk')).toBe(names.length - 4);
  });
});
