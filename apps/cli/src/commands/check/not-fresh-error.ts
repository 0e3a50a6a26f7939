/** `check` found a db type stale, failed or missing: exit code 5 (the reasons are printed). */
export class NotFreshError extends Error {
  readonly code = 'not_fresh';

  constructor(stackName: string, problems: number) {
    super(
      `${stackName}: ${problems} problem${problems === 1 ? '' : 's'} with its backups (see above)`,
    );
    this.name = 'NotFreshError';
  }
}
