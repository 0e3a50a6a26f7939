import { fieldText } from '@c66-backup/core';
import { primaryBackup, type Report } from './report.js';
import type { Toolkit } from './toolkit.js';

/** Output names and values, all strings, as action.yml declares them. */
export type Outputs = Record<
  | 'backup-id'
  | 'backup-ids'
  | 'backup-status'
  | 'backup-date'
  | 'database-name'
  | 'timed-out'
  | 'reused',
  string
>;

/** The outputs the report supports; unknown or unsent ones are empty strings, never made up. */
export function outputsOf(report: Report): Outputs {
  const primary = primaryBackup(report);
  const ids: Record<string, number> = {};
  for (const dbType of report.dbTypes) {
    const backup = report.backups[dbType];
    if (backup) ids[dbType] = backup.id;
  }
  return {
    'backup-id': primary ? String(primary.id) : '',
    'backup-ids': JSON.stringify(ids),
    'backup-status': primary ? primary.backup_status.name : '',
    'backup-date': fieldText(primary?.backup_date_iso, (d) => d.toISOString()) ?? '',
    'database-name': fieldText(primary?.database_name) ?? '',
    'timed-out': String(report.outcome === 'timed-out'),
    // true only when nothing was created: every backup in the outputs already existed.
    reused: String(report.outcome === 'reused'),
  };
}

export function setOutputs(toolkit: Toolkit, report: Report): Outputs {
  const outputs = outputsOf(report);
  for (const [name, value] of Object.entries(outputs)) toolkit.setOutput(name, value);
  return outputs;
}
