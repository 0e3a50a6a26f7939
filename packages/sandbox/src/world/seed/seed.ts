import type { DbType } from '../model.js';
import type { World } from '../world.js';

/** `backup_date_iso` of the newest seeded backup: fixed, so every run serves the same data. */
export const SEED_ANCHOR = Date.UTC(2026, 0, 15, 3, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface SeededStack {
  name: string;
  environment: string;
  dbTypes: DbType[];
  backups: number;
  intervalMs: number;
  language?: string;
  framework?: string;
}

const SEEDED: SeededStack[] = [
  {
    name: 'shop',
    environment: 'production',
    dbTypes: ['mysql', 'redis'],
    backups: 160,
    intervalMs: 6 * HOUR,
  },
  {
    name: 'shop',
    environment: 'staging',
    dbTypes: ['mysql', 'redis'],
    backups: 40,
    intervalMs: DAY,
  },
  {
    name: 'blog',
    environment: 'production',
    dbTypes: ['postgresql'],
    backups: 90,
    intervalMs: 12 * HOUR,
    language: 'node',
    framework: 'express',
  },
  {
    name: 'analytics',
    environment: 'production',
    dbTypes: ['mongodb', 'postgresql'],
    backups: 70,
    intervalMs: 8 * HOUR,
    language: 'python',
    framework: 'django',
  },
  {
    name: 'inventory',
    environment: 'production',
    dbTypes: ['mysql', 'postgresql', 'redis', 'mongodb'],
    backups: 64,
    intervalMs: 6 * HOUR,
  },
  {
    name: 'fresh-app',
    environment: 'development',
    dbTypes: ['mysql'],
    backups: 0,
    intervalMs: DAY,
  },
];

/** Name of the stack whose backup count is the `backups` option. */
export const BULK_STACK_NAME = 'bulk';
/** Name of the stack `bareStack` seeds: only required fields, on it and on its backups. */
export const BARE_STACK_NAME = 'bare';
const BARE_BACKUPS = 12;

/** Fills a fresh world with the deterministic demo data. */
export function seedWorld(world: World, bulkBackups: number): void {
  for (const s of SEEDED) {
    world.createStack({
      name: s.name,
      environment: s.environment,
      dbTypes: s.dbTypes,
      language: s.language,
      framework: s.framework,
      createdAt: SEED_ANCHOR - s.backups * s.intervalMs - 30 * DAY,
      series: { count: s.backups, endAt: SEED_ANCHOR, intervalMs: s.intervalMs, profile: 'varied' },
    });
  }
  world.createStack({
    name: BULK_STACK_NAME,
    environment: 'production',
    dbTypes: ['mysql', 'postgresql'],
    createdAt: SEED_ANCHOR - bulkBackups * HOUR - 30 * DAY,
    series: { count: bulkBackups, endAt: SEED_ANCHOR, intervalMs: HOUR, profile: 'plain' },
  });
}

/** The `bareStack` option's stack, seeded last so the rest of the list stays as it was. */
export function seedBareStack(world: World): void {
  world.createStack({
    name: BARE_STACK_NAME,
    environment: 'production',
    dbTypes: ['mysql', 'postgresql'],
    fields: 'required',
    createdAt: SEED_ANCHOR - BARE_BACKUPS * DAY - 30 * DAY,
    series: { count: BARE_BACKUPS, endAt: SEED_ANCHOR, intervalMs: DAY, profile: 'plain' },
  });
}
