import type { Client } from './client.js';
import { DB_TYPES, type DbType, type DbTypeSelection } from './db-types.js';
import { InvalidInputError } from './errors/index.js';
import { formatAge } from './format-age.js';
import { newestBackups } from './newest-backups.js';
import type { Backup } from './schemas/backup.js';

/** fresh: good and recent; stale: too old; failed: a newer backup failed; missing: none good. */
export type FreshnessState = 'fresh' | 'stale' | 'failed' | 'missing';

/** How one db type's backups stand. */
export interface DbTypeFreshness {
  dbType: DbType;
  state: FreshnessState;
  /** The newest good backup found (possibly older than the window). */
  backup?: Backup;
  /** Age of `backup` at `checkedAt`, from `backup_date_iso` (when its dump started). */
  ageMs?: number;
  /** The newest failed backup, when it is more recent than `backup`. */
  failure?: Backup;
  /** One line for people: `mysql: backup 42 is 3h 05m old`. */
  reason: string;
}

export interface FreshnessOptions {
  /** The oldest a good backup may be (ms) to count as fresh. */
  maxAgeMs: number;
  /** Only verified backups count as good (and a failed verification counts as a failure). */
  requireVerified?: boolean;
  signal?: AbortSignal;
  now?: () => number;
}

export interface FreshnessReport {
  /** Every db type is fresh (and there was at least one). */
  fresh: boolean;
  checkedAt: Date;
  maxAgeMs: number;
  /** The db types asked for (what `all` became: the types the stack has backups of). */
  dbTypes: DbTypeFreshness[];
  /** One line per problem: each db type that is not fresh, or a stack without any backup. */
  problems: string[];
}

/**
 * The one answer to "is there a recent enough good backup of each db type?" every app uses:
 * the newest good backup per db type (see {@link newestBackups}: page 1 in the common case)
 * and its age measured from `backup_date_iso`. A db type whose newest backup failed is not
 * fresh even when an older good one is recent: something is wrong with its backups.
 * `'all'` means the db types the stack has any backup of.
 */
export async function checkFreshness(
  client: Client,
  stackUid: string,
  dbTypes: DbTypeSelection,
  options: FreshnessOptions,
): Promise<FreshnessReport> {
  const { maxAgeMs } = options;
  if (!(maxAgeMs > 0)) throw new InvalidInputError(`maxAgeMs must be > 0, got ${maxAgeMs}`);
  const asked = dbTypes === 'all' ? DB_TYPES : [...new Set(dbTypes)];
  if (asked.length === 0) throw new InvalidInputError('dbTypes must name at least one db type');
  const now = (options.now ?? Date.now)();
  const found = await Promise.all(
    asked.map(async (dbType) => ({
      dbType,
      ...(await newestBackups(client, stackUid, dbType, {
        horizon: now - maxAgeMs,
        ...(options.requireVerified ? { requireVerified: true } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      })),
    })),
  );
  const entries = found
    .filter((f) => dbTypes !== 'all' || f.seen)
    .map((f) => judge(f, now, maxAgeMs, options.requireVerified === true));
  const problems = entries.filter((e) => e.state !== 'fresh').map((e) => e.reason);
  if (entries.length === 0) problems.push('the stack has no backups of any database type');
  return {
    fresh: problems.length === 0,
    checkedAt: new Date(now),
    maxAgeMs,
    dbTypes: entries,
    problems,
  };
}

/** The state of one db type and its one-line reason. */
function judge(
  found: { dbType: DbType; seen: boolean; good?: Backup; failure?: Backup },
  now: number,
  maxAgeMs: number,
  requireVerified: boolean,
): DbTypeFreshness {
  const { dbType, good: backup, failure } = found;
  const good = requireVerified ? 'verified good' : 'good';
  const ageMs = backup ? Math.max(0, now - backup.backup_date_iso.getTime()) : undefined;
  const entry = { dbType, ...(backup ? { backup, ageMs } : {}), ...(failure ? { failure } : {}) };
  const newest =
    backup && ageMs !== undefined ? `backup ${backup.id}, ${formatAge(ageMs)} old` : undefined;
  if (failure) {
    const age = formatAge(now - failure.backup_date_iso.getTime());
    const why = failure.backup_result ? `: ${failure.backup_result}` : '';
    const last = newest ? `; newest ${good} backup: ${newest}` : `; no ${good} backup found`;
    const reason = `${dbType}: newest backup ${failure.id} (${age} old) failed${why}${last}`;
    return { ...entry, state: 'failed', reason };
  }
  if (!newest || ageMs === undefined) {
    const reason = found.seen
      ? `${dbType}: no ${good} backup in the last ${formatAge(maxAgeMs)}`
      : `${dbType}: no backups`;
    return { ...entry, state: 'missing', reason };
  }
  if (ageMs > maxAgeMs) {
    const reason = `${dbType}: newest ${good} backup is ${newest}, older than ${formatAge(maxAgeMs)}`;
    return { ...entry, state: 'stale', reason };
  }
  return { ...entry, state: 'fresh', reason: `${dbType}: ${newest}` };
}
