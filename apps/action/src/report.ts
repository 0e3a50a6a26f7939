import type { Backup, Stack } from '@c66-backup/core';

/** How the run ended, as far as the outputs and the job summary are concerned. */
export type Outcome =
  | 'succeeded' // one new backup per db type, all ok
  | 'reused' // reuse-within: every db type had a recent enough backup, nothing was created
  | 'queued' // wait: false, the backup task was created
  | 'failed' // a new backup finished with a failed status
  | 'timed-out' // the wait ended before every db type had a new backup
  | 'cancelled' // the runner cancelled the step (SIGINT/SIGTERM)
  | 'error'; // anything else: bad token, unknown stack, API error...

/** What the run knows at its end; outputs and summary are both drawn from it. */
export interface Report {
  outcome: Outcome;
  stack?: Pick<Stack, 'uid' | 'name' | 'environment'>;
  /** The db types waited for, in the order the user gave them. */
  dbTypes: readonly string[];
  /** The new backups found so far, by db type. */
  backups: Partial<Record<string, Backup>>;
  /** reuse-within: the db types whose existing backup was reused, and its age (ms). */
  reused?: { dbType: string; ageMs: number }[];
  /** reuse-within, as milliseconds. */
  reuseWithinMs?: number;
  /** Milliseconds from the create request to the end of the wait, when a wait ran. */
  waitMs?: number;
  /** Why the step failed or warned, when it did (already redacted). */
  message?: string;
  /** Sentences worth a warning in the summary (cancellation, timeout, unknown id). */
  notes: string[];
}

/** The backup behind the `backup-id` output: the first db type, in the order given. */
export function primaryBackup(report: Report): Backup | undefined {
  const first = report.dbTypes[0];
  return first === undefined ? undefined : report.backups[first];
}
