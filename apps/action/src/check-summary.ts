import { type DbTypeFreshness, formatAge } from '@c66-backup/core';
import type { CheckOutcome, CheckReport } from './check-report.js';
import { alert, escapeHtml } from './summary.js';
import type { SummaryCell, SummaryWriter } from './toolkit.js';

const HEADINGS: Record<CheckOutcome, string> = {
  fresh: 'Cloud 66 backups are fresh',
  stale: 'Cloud 66 backups need attention',
  error: 'Cloud 66 backup check stopped by an error',
};

const COLUMNS = [
  'DB type',
  'State',
  'Newest good backup',
  'Started',
  'Age',
  'Verified',
  'Newer failure',
];

/** One row per db type: what was found, a dash for what was not (HTML-escaped). */
export function checkSummaryRows(report: CheckReport): string[][] {
  const at = report.freshness?.checkedAt.getTime() ?? 0;
  return (report.freshness?.dbTypes ?? []).map((entry: DbTypeFreshness) => {
    const { backup, failure } = entry;
    const failed = failure
      ? `${failure.id}, ${formatAge(at - failure.backup_date_iso.getTime())} old${failure.backup_result ? `: ${failure.backup_result}` : ''}`
      : '—';
    const cells = [
      entry.dbType,
      entry.state,
      backup ? String(backup.id) : '—',
      backup ? backup.backup_date_iso.toISOString() : '—',
      entry.ageMs === undefined ? '—' : formatAge(entry.ageMs),
      backup?.verify_status?.label ?? '—',
      failed,
    ];
    return cells.map(escapeHtml);
  });
}

/** Writes the job summary: heading, what was checked, the table, then each problem. */
export async function writeCheckSummary(
  summary: SummaryWriter,
  report: CheckReport,
): Promise<void> {
  summary.addHeading(HEADINGS[report.outcome], 2);
  if (report.message) summary.addRaw(alert('CAUTION', report.message), true);
  const { stack, freshness } = report;
  if (stack && freshness) {
    const verified = report.requireVerified ? ', verified backups only' : '';
    summary.addRaw(
      `\n${escapeHtml(`${stack.name} (${stack.environment}) ${stack.uid}: newest good backup of each database type started within ${formatAge(freshness.maxAgeMs)}${verified}, checked ${freshness.checkedAt.toISOString()}.`)}\n`,
      true,
    );
    if (freshness.dbTypes.length > 0) {
      const header: SummaryCell[] = COLUMNS.map((data) => ({ data, header: true }));
      summary.addTable([header, ...checkSummaryRows(report)]);
    }
    for (const problem of freshness.problems) summary.addRaw(alert('WARNING', problem), true);
  }
  await summary.write();
}
