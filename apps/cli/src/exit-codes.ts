/** Process exit codes of `c66-backup`; documented in the README and in `--help`. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  backupFailed: 3,
  timeout: 4,
  notFresh: 5,
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export const exitCodesHelp = `Exit codes:
  0    success
  1    API or network failure
  2    usage error (bad flag, missing token, unknown command)
  3    the backup failed on Cloud 66
  4    timed out waiting for the backup
  5    check: a db type's newest good backup is too old, its newest backup failed, or it has none
  130  interrupted (Ctrl-C)`;
