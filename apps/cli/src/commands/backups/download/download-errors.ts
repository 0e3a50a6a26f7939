import type { Backup } from '@c66-backup/core';

/** `--latest` found no successful backup: exit code 1. */
export class NoBackupError extends Error {
  readonly code = 'NO_BACKUP';

  constructor(dbType: string | undefined) {
    super(`no successful ${dbType ? `${dbType} ` : ''}backup found on this stack`);
    this.name = 'NoBackupError';
  }
}

/** The chosen backup failed on Cloud 66, so there is nothing to download: exit code 3. */
export class BackupNotUsableError extends Error {
  readonly code = 'BACKUP_NOT_USABLE';

  constructor(readonly backup: Backup) {
    const reason = backup.backup_result ? `: ${backup.backup_result}` : '';
    super(`backup ${backup.id} is ${backup.backup_status.label}${reason}; nothing to download`);
    this.name = 'BackupNotUsableError';
  }
}
