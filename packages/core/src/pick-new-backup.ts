import type { Backup } from './schemas/backup.js';

export interface PickCriteria {
  dbType: string;
  /** Highest id before the request (null: none existed). */
  latestId: number | null | undefined;
  /** When the backup was requested (local clock). */
  requestedAt: Date;
  /** How far the server's clock may lag ours. */
  clockSkewMs: number;
}

export interface Pick {
  backup: Backup;
  /** Every qualifying id, when more than one qualified (the scheduled-backup race). */
  candidates: number[];
}

/**
 * Chooses the backup our request created from a page of backups.
 *
 * A candidate has the db type, an id above the snapshot's and a `created_at_iso` no earlier
 * than the request minus the clock-skew allowance. A scheduled backup that started before
 * the request is thereby excluded (outside the allowance). One started after the request
 * looks exactly like ours, except that ours runs at once: so the candidate created closest
 * after the request wins (then the lowest id); candidates only admitted by the skew
 * allowance come last, latest first. Ambiguity is reported through `candidates`.
 */
export function pickNewBackup(
  backups: readonly Backup[],
  criteria: PickCriteria,
): Pick | undefined {
  const requested = criteria.requestedAt.getTime();
  const earliest = requested - criteria.clockSkewMs;
  const latestId = criteria.latestId ?? Number.NEGATIVE_INFINITY;
  const candidates = backups.filter(
    (b) =>
      b.db_type === criteria.dbType && b.id > latestId && b.created_at_iso.getTime() >= earliest,
  );
  if (candidates.length === 0) return undefined;
  const rank = (b: Backup) => {
    const at = b.created_at_iso.getTime();
    return at >= requested ? at - requested : Number.MAX_SAFE_INTEGER / 2 + (requested - at);
  };
  const [best] = [...candidates].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
  if (!best) return undefined;
  return {
    backup: best,
    candidates: candidates.length > 1 ? candidates.map((b) => b.id).sort((a, b) => a - b) : [],
  };
}
