import type { BackupOutcome, DbType, FieldSet } from '../model.js';

/** Options of `sb.createStack`. */
export interface CreateStackOptions {
  name: string;
  environment?: string;
  dbTypes?: DbType[];
  /** Generated backups (all ok, db types in turn, one an hour up to an hour ago). */
  backups?: number;
  /** Size of each generated backup (default: a few MB, varying). */
  backupSizeBytes?: number;
  /**
   * `required`: a bare stack: it and every backup it ever gets (generated, added, created,
   * imported, scheduled) carry only the fields the toolkit requires (default `all`).
   */
  fields?: FieldSet;
}

/** Options of `sb.addBackups`. */
export interface AddBackupsOptions {
  dbType: DbType;
  count?: number;
  sizeBytes?: number;
  status?: BackupOutcome;
  verified?: boolean;
  /**
   * `backup_date_iso` of the newest added backup, ms since the epoch (default: a minute ago);
   * the others started a minute apart before it.
   */
  startedAt?: number;
}

/** Options of `sb.scheduleBackup`. */
export interface ScheduleOptions {
  /** When the run finishes (its backup appears in the list). */
  delayMs: number;
  outcome?: BackupOutcome;
  /** `backup_date_iso` of the run, ms since the epoch (default: a minute before the call). */
  startedAt?: number;
}

/** A file of a backup as `sb.backupFiles` lists it: id, name and size in bytes. */
export interface BackupFileInfo {
  id: string;
  name: string;
  size: number;
}
