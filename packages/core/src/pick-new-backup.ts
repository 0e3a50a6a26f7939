import type { Backup } from './schemas/backup.js';

export interface PickCriteria {
  dbType: string;
  /** Highest id before the request (null: none existed). */
  latestId: number | null | undefined;
  /** When the backup was requested. */
  requestedAt: Date;
  /** How much earlier than `requestedAt` a backup's times may read (clock skew, rounding). */
  toleranceMs: number;
}

export interface BackupPick {
  backup: Backup;
  /** Every qualifying id, when more than one qualified (the scheduled-backup race). */
  candidates: number[];
}

/**
 * Chooses the backup our request created from a page of backups.
 *
 * A candidate has the db type, an id above the snapshot's, and both its `created_at_iso`
 * and its `backup_date_iso` (when the dump started) no earlier than the request minus the
 * tolerance. So a scheduled run that started before the request but finished after the
 * snapshot (higher id, recent `created_at_iso`) is excluded by its start time. A scheduled
 * run that started after the request is indistinguishable from ours except by time, and
 * ours starts at once: the candidate that started closest to the request wins (then the
 * lowest id), and the ambiguity is reported through `candidates`.
 */
export function pickNewBackup(
  backups: readonly Backup[],
  criteria: PickCriteria,
): BackupPick | undefined {
  const requested = criteria.requestedAt.getTime();
  const earliest = requested - criteria.toleranceMs;
  const latestId = criteria.latestId ?? Number.NEGATIVE_INFINITY;
  const candidates = backups.filter(
    (b) =>
      b.db_type === criteria.dbType &&
      b.id > latestId &&
      b.created_at_iso.getTime() >= earliest &&
      b.backup_date_iso.getTime() >= earliest,
  );
  if (candidates.length === 0) return undefined;
  const distance = (b: Backup) => Math.abs(b.backup_date_iso.getTime() - requested);
  const [best] = [...candidates].sort((a, b) => distance(a) - distance(b) || a.id - b.id);
  if (!best) return undefined;
  return {
    backup: best,
    candidates: candidates.length > 1 ? candidates.map((b) => b.id).sort((a, b) => a - b) : [],
  };
}
