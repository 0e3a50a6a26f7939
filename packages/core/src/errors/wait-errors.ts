import type { Backup } from '../schemas/backup.js';
import { Cloud66Error, type Cloud66ErrorOptions } from './cloud66-error.js';

export interface BackupFailedOptions extends Cloud66ErrorOptions {
  /** Thrown by a download, which refuses a failed backup: the message says so. */
  download?: boolean;
}

/**
 * A backup finished with `backup_status` failed: the one waited for, or the one asked to
 * download (a failed backup has no files).
 */
export class BackupFailedError extends Cloud66Error {
  override readonly code = 'BACKUP_FAILED';
  /** Cloud 66's reason (`backup_result`). */
  readonly backupResult: string | null;
  constructor(
    readonly backup: Backup,
    options: BackupFailedOptions = {},
  ) {
    const reason = backup.backup_result ? `: ${backup.backup_result}` : '';
    const { download, ...rest } = options;
    super(
      download
        ? `backup ${backup.id} is ${backup.backup_status.label}${reason}; nothing to download`
        : `${backup.db_type} backup ${backup.id} failed${reason}`,
      rest,
    );
    this.backupResult = backup.backup_result ?? null;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), backupId: this.backup.id, backupResult: this.backupResult };
  }
}

/** The deadline passed before a new backup appeared for every requested db type. */
export class WaitTimeoutError extends Cloud66Error {
  override readonly code = 'WAIT_TIMEOUT';
  constructor(
    /** The db types still without a new backup. */
    readonly missing: readonly string[],
    /** The new backups found before the deadline, by db type. */
    readonly found: Readonly<Record<string, Backup>>,
    timeoutMs: number,
    options: Cloud66ErrorOptions = {},
  ) {
    const unknown =
      options.cause instanceof Error
        ? ` (the create request's outcome is unknown: ${options.cause.message})`
        : '';
    super(
      `no new backup for ${missing.join(', ')} within ${Math.round(timeoutMs / 1000)} s${unknown}`,
      options,
    );
  }

  override toJSON(): Record<string, unknown> {
    const found = Object.fromEntries(Object.entries(this.found).map(([t, b]) => [t, b.id]));
    return { ...super.toJSON(), missing: this.missing, found };
  }
}
