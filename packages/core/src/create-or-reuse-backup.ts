import { checkFreshness, type DbTypeFreshness, type FreshnessReport } from './check-freshness.js';
import type { Client } from './client.js';
import {
  type CreateAndWaitOptions,
  type CreateAndWaitResult,
  createBackupAndWait,
} from './create-backup-and-wait.js';
import type { DbType } from './db-types.js';
import { InvalidInputError } from './errors/index.js';
import type { Backup } from './schemas/backup.js';
import type { WaitOptions } from './wait-for-new-backup.js';

export interface CreateOrReuseOptions extends CreateAndWaitOptions {
  /**
   * Reuse a db type's newest good backup when it started at most this long ago (ms) and no
   * newer backup of that type failed; undefined: always create.
   */
  reuseWithinMs?: number;
  /**
   * With `reuseWithinMs`: called once the decision is made, before anything is created (so
   * a failure later still knows what was reused).
   */
  onPlan?: (plan: ReusePlan) => void;
}

export interface ReusePlan {
  freshness: FreshnessReport;
  /** The db types whose backup is reused. */
  reused: DbTypeFreshness[];
  /** What will be created: the other db types, `'all'` (nothing reusable), or none. */
  creating: DbType[] | 'all';
}

export interface CreateOrReuseResult {
  /** Every db type covered (reused or created), in the order asked. */
  dbTypes: DbType[];
  /** The db types whose existing backup was reused, with its age. */
  reused: DbTypeFreshness[];
  /** The db types a new backup was requested for (empty: everything was reused). */
  created: DbType[];
  /** The freshness look that decided (absent without `reuseWithinMs`). */
  freshness?: FreshnessReport;
  /** The create-and-wait of `created` (absent when nothing was created). */
  creation?: CreateAndWaitResult;
  /** Reused and new backups by db type (new ones absent with `wait: false`). */
  backups: Partial<Record<DbType, Backup>>;
}

/**
 * "Make sure a recent enough backup exists": with `reuseWithinMs`, each db type that is fresh
 * within the window (see {@link checkFreshness}) keeps its backup and only the others are
 * created and waited for ({@link createBackupAndWait}); when every type is fresh nothing is
 * created at all. Without `reuseWithinMs` it is exactly `createBackupAndWait`.
 */
export async function createOrReuseBackup(
  client: Client,
  stackUid: string,
  create: CreateOrReuseOptions,
  wait: Omit<WaitOptions, 'dbTypes' | 'since'> = {},
): Promise<CreateOrReuseResult> {
  const { reuseWithinMs, onPlan, ...createOptions } = create;
  if (reuseWithinMs === undefined) {
    const creation = await createBackupAndWait(client, stackUid, createOptions, wait);
    const { dbTypes } = creation;
    return { dbTypes, reused: [], created: dbTypes, creation, backups: backupsOf([], creation) };
  }
  if (!(reuseWithinMs > 0)) {
    throw new InvalidInputError(`reuseWithinMs must be > 0, got ${reuseWithinMs}`);
  }
  const signal = create.signal ?? wait.signal;
  const freshness = await checkFreshness(client, stackUid, create.dbTypes, {
    maxAgeMs: reuseWithinMs,
    ...(signal ? { signal } : {}),
    ...(wait.now ? { now: wait.now } : {}),
  });
  const reused = freshness.dbTypes.filter((f) => f.state === 'fresh');
  const covered = freshness.dbTypes.map((f) => f.dbType);
  const missing = covered.filter((t) => !reused.some((r) => r.dbType === t));
  const everything = covered.length > 0 && missing.length === 0;
  // Nothing reusable with `all`: create `all`, exactly as without reuse.
  const dbTypes = create.dbTypes === 'all' && reused.length === 0 ? 'all' : missing;
  onPlan?.({ freshness, reused, creating: everything ? [] : dbTypes });
  if (everything) {
    return { dbTypes: covered, reused, created: [], freshness, backups: backupsOf(reused) };
  }
  const creation = await createBackupAndWait(client, stackUid, { ...createOptions, dbTypes }, wait);
  const order = create.dbTypes === 'all' ? covered : create.dbTypes;
  return {
    dbTypes: [...new Set([...order, ...creation.dbTypes])],
    reused,
    created: creation.dbTypes,
    freshness,
    creation,
    backups: backupsOf(reused, creation),
  };
}

function backupsOf(
  reused: readonly DbTypeFreshness[],
  creation?: CreateAndWaitResult,
): Partial<Record<DbType, Backup>> {
  const backups: Partial<Record<DbType, Backup>> = {};
  for (const { dbType, backup } of reused) if (backup) backups[dbType] = backup;
  return Object.assign(backups, creation?.backups);
}
