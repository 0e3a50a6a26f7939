/** `--latest` found no successful backup: exit code 1. */
export class NoBackupError extends Error {
  readonly code = 'NO_BACKUP';

  constructor(dbType: string | undefined) {
    super(`no successful ${dbType ? `${dbType} ` : ''}backup found on this stack`);
    this.name = 'NoBackupError';
  }
}
