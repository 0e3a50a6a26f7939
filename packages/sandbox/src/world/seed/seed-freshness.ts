import { failureReason } from '../failure-reason.js';
import type { DbType } from '../model.js';
import type { World } from '../world.js';
import { SEED_ANCHOR } from './seed.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Names of the stacks whose backups are dated relative to the sandbox's clock. */
export const FRESHNESS_STACKS = {
  /** Backups every 3 hours, the newest 2 hours old. */
  fresh: 'storefront',
  /** Daily backups that stopped 4 days ago. */
  stale: 'legacy-crm',
  /** Good backups every 12 hours, the newest 7 hours old; a failed one an hour ago. */
  failed: 'billing',
} as const;

interface FreshnessSeed {
  name: string;
  dbTypes: DbType[];
  count: number;
  newestAgoMs: number;
  intervalMs: number;
}

const SEEDS: FreshnessSeed[] = [
  {
    name: FRESHNESS_STACKS.fresh,
    dbTypes: ['postgresql', 'redis'],
    count: 40,
    newestAgoMs: 2 * HOUR,
    intervalMs: 3 * HOUR,
  },
  {
    name: FRESHNESS_STACKS.stale,
    dbTypes: ['mysql'],
    count: 30,
    newestAgoMs: 4 * DAY,
    intervalMs: DAY,
  },
  {
    name: FRESHNESS_STACKS.failed,
    dbTypes: ['postgresql'],
    count: 30,
    newestAgoMs: 7 * HOUR,
    intervalMs: 12 * HOUR,
  },
];

/**
 * Stacks that are fresh, stale and whose newest backup failed *now*, whatever day the sandbox
 * starts: the rest of the seeded world is anchored to a fixed date, so it is stale by now.
 * Added after every other seeded stack, so the ids and uids of those stay as they were.
 */
export function seedFreshnessStacks(world: World, now: number): void {
  for (const s of SEEDS) {
    // A plain series starts each dump up to 90 s after its slot: keep the newest at least
    // `newestAgoMs` old, so "4 days old" never reads 3d 23h.
    const endAt = now - s.newestAgoMs - 90_000;
    const stack = world.createStack({
      name: s.name,
      environment: 'production',
      dbTypes: s.dbTypes,
      // A fixed creation date keeps the stack records themselves deterministic (only the
      // backups follow the clock), unless the clock is set before the seeded world's dates.
      createdAt: Math.min(SEED_ANCHOR - 400 * DAY, endAt - s.count * s.intervalMs - 30 * DAY),
      series: { count: s.count, endAt, intervalMs: s.intervalMs, profile: 'plain' },
    });
    if (s.name !== FRESHNESS_STACKS.failed) continue;
    const startedAt = now - HOUR;
    world.addBackup(stack, {
      dbType: 'postgresql',
      startedAt,
      finishedAt: startedAt + 40_000,
      outcome: 'failed',
      result: failureReason('postgresql', 1),
      sizeBytes: 0,
    });
  }
}
