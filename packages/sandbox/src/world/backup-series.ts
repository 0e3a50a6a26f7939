import { between, unit } from '../shared/random.js';
import { buildBackup, type StackContext } from './backup-factory.js';
import type { DbType, StoredBackup } from './model.js';

const MB = 1024 * 1024;

/**
 * A run of generated backups, computed on demand from their index so a stack of
 * 100,000 backups costs nothing until a page of it is asked for.
 */
export interface BackupSeries {
  firstId: number;
  count: number;
  dbTypes: DbType[];
  groups: Record<string, number>;
  /** `backup_date_iso` of the newest backup. */
  endAt: number;
  intervalMs: number;
  /** `varied`: failures, verifications, restores, multi-part and zero sizes; `plain`: all ok. */
  profile: 'varied' | 'plain';
  /** Fixed size for `plain` series; otherwise sizes vary with the db type. */
  sizeBytes?: number;
}

function roundToBlock(bytes: number): number {
  return Math.max(2048, Math.floor(bytes / 512) * 512);
}

function variedSize(dbType: DbType, seed: number, id: number): number {
  const roll = unit(seed, id, 2);
  if (roll < 0.04) return 0;
  const big = dbType === 'mysql' || dbType === 'postgresql';
  if (big && roll < 0.12) return roundToBlock(between(300, 700, seed, id, 3) * MB);
  const [min, max] = dbType === 'redis' ? [1, 40] : dbType === 'mongodb' ? [10, 150] : [5, 200];
  return roundToBlock(between(min * MB, max * MB, seed, id, 4));
}

/** The backup at `index` (0 = oldest) of a series. */
export function seriesBackup(stack: StackContext, s: BackupSeries, index: number): StoredBackup {
  const id = s.firstId + index;
  const dbType = s.dbTypes[index % s.dbTypes.length] as DbType;
  const group = s.groups[dbType] ?? 0;
  const seed = stack.seed;
  const startedAt =
    s.endAt - (s.count - 1 - index) * s.intervalMs + between(0, 90, seed, id) * 1000;
  if (s.profile === 'plain') {
    const size = s.sizeBytes ?? roundToBlock(between(64 * 1024, 4 * MB, seed, id, 4));
    return buildBackup(stack, {
      id,
      group,
      dbType,
      startedAt,
      finishedAt: startedAt + 45_000,
      outcome: 'ok',
      sizeBytes: size,
    });
  }
  const failed = unit(seed, id, 1) < 0.06;
  const size = variedSize(dbType, seed, id);
  const verifyRoll = unit(seed, id, 5);
  const restoreRoll = unit(seed, id, 6);
  const sql = dbType === 'mysql' || dbType === 'postgresql';
  return buildBackup(stack, {
    id,
    group,
    dbType,
    startedAt,
    finishedAt: startedAt + 30_000 + Math.floor(size / MB) * 900,
    outcome: failed ? 'failed' : 'ok',
    sizeBytes: size,
    verifyStatus: verifyRoll < 0.25 ? 2 : verifyRoll < 0.3 ? 3 : verifyRoll < 0.31 ? 4 : 0,
    verifyResult:
      verifyRoll < 0.25
        ? 'Backup verified: restored into a scratch database and checked'
        : verifyRoll < 0.3
          ? 'Verification failed: restore exited with status 1 (syntax error near line 18231)'
          : 'Unable to verify: no verification server available',
    restoreStatus: restoreRoll < 0.03 ? 2 : restoreRoll < 0.04 ? 3 : restoreRoll < 0.05 ? 1 : 0,
    restoreResult:
      restoreRoll < 0.03
        ? 'Restored successfully'
        : restoreRoll < 0.04
          ? 'Restore failed: target database is not empty'
          : 'Restoring',
    skipTables: sql && unit(seed, id, 7) < 0.15 ? 'sessions,audit_log' : '',
    // The oldest few belong to pruned jobs: Cloud 66 reports null for them.
    logical: index < Math.ceil(s.count * 0.03) ? null : dbType !== 'redis',
  });
}
