import type { FreshnessReport, Stack } from '@c66-backup/core';
import type { Toolkit } from './toolkit.js';

/** How a check ended: every db type fresh, some not, or no answer at all. */
export type CheckOutcome = 'fresh' | 'stale' | 'error';

/** What the check knows at its end; outputs and summary are both drawn from it. */
export interface CheckReport {
  outcome: CheckOutcome;
  stack?: Pick<Stack, 'uid' | 'name' | 'environment'>;
  requireVerified: boolean;
  freshness?: FreshnessReport;
  /** Why the step failed, when it did (already redacted). */
  message?: string;
}

export type CheckOutputs = Record<'fresh' | 'backup-ids' | 'ages-seconds', string>;

/** `fresh` is `true` only when the check saw every db type fresh; never claimed otherwise. */
export function checkOutputsOf(report: CheckReport): CheckOutputs {
  const ids: Record<string, number> = {};
  const ages: Record<string, number> = {};
  for (const entry of report.freshness?.dbTypes ?? []) {
    if (!entry.backup || entry.ageMs === undefined) continue;
    ids[entry.dbType] = entry.backup.id;
    ages[entry.dbType] = Math.floor(entry.ageMs / 1000);
  }
  return {
    fresh: String(report.outcome === 'fresh'),
    'backup-ids': JSON.stringify(ids),
    'ages-seconds': JSON.stringify(ages),
  };
}

export function setCheckOutputs(toolkit: Toolkit, report: CheckReport): void {
  for (const [name, value] of Object.entries(checkOutputsOf(report))) {
    toolkit.setOutput(name, value);
  }
}
