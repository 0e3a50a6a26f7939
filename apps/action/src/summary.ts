import { fieldText, formatAge, formatBytes, formatDuration } from '@c66-backup/core';
import type { Outcome, Report } from './report.js';
import type { SummaryCell, SummaryWriter } from './toolkit.js';

const HEADINGS: Record<Outcome, string> = {
  succeeded: 'Cloud 66 backup finished',
  reused: 'Recent Cloud 66 backups reused',
  queued: 'Cloud 66 backup queued',
  failed: 'Cloud 66 backup failed',
  'timed-out': 'Cloud 66 backup timed out',
  cancelled: 'Cloud 66 backup cancelled',
  error: 'Cloud 66 backup stopped by an error',
};

const COLUMNS = [
  'Stack',
  'Environment',
  'DB type',
  'Database',
  'Backup ID',
  'Status',
  'Date',
  'Size',
  'Wait',
];

const DASH = '—';

/** The table rows: one per db type, with what is known and a dash for the rest (HTML-escaped). */
export function summaryRows(report: Report): string[][] {
  const wait = fieldText(report.waitMs, formatDuration) ?? DASH;
  return report.dbTypes.map((dbType) => {
    const backup = report.backups[dbType];
    const cells = [
      report.stack ? `${report.stack.name} (${report.stack.uid})` : DASH,
      fieldText(report.stack?.environment) ?? DASH,
      dbType,
      fieldText(backup?.database_name) ?? DASH,
      fieldText(backup?.id) ?? DASH,
      backup ? backup.backup_status.label : pendingStatus(report.outcome),
      fieldText(backup?.backup_date_iso, (d) => d.toISOString()) ?? DASH,
      fieldText(backup?.backup_size, formatBytes) ?? DASH,
      report.reused?.some((r) => r.dbType === dbType) ? 'reused' : wait,
    ];
    return cells.map(escapeHtml);
  });
}

/** Cells and notes land in HTML: a stack named `<b>` must show as typed. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pendingStatus(outcome: Outcome): string {
  if (outcome === 'queued') return 'queued (not waited for)';
  if (outcome === 'timed-out' || outcome === 'cancelled') return 'not finished';
  return DASH;
}

/** Writes the job summary ($GITHUB_STEP_SUMMARY): heading, table, then any warnings. */
export async function writeSummary(summary: SummaryWriter, report: Report): Promise<void> {
  summary.addHeading(HEADINGS[report.outcome], 2);
  if (report.message) summary.addRaw(alert('CAUTION', report.message), true);
  const reused = reusedLine(report);
  if (reused) summary.addRaw(`\n${escapeHtml(reused)}\n`, true);
  if (report.stack && report.dbTypes.length > 0) {
    const header: SummaryCell[] = COLUMNS.map((data) => ({ data, header: true }));
    summary.addTable([header, ...summaryRows(report)]);
  }
  for (const note of report.notes) summary.addRaw(alert('WARNING', note), true);
  await summary.write();
}

/** `Reused (started within 6h 00m): postgresql 42, 2h 05m old.`; undefined when none was. */
export function reusedLine(report: Report): string | undefined {
  if (!report.reused?.length || report.reuseWithinMs === undefined) return undefined;
  const each = report.reused.map(
    (r) => `${r.dbType} ${report.backups[r.dbType]?.id ?? '?'}, ${formatAge(r.ageMs)} old`,
  );
  return `Reused (started within ${formatAge(report.reuseWithinMs)}): ${each.join('; ')}.`;
}

/** A GitHub Markdown alert block; every line of `text` stays inside the quote. */
export function alert(kind: 'CAUTION' | 'WARNING', text: string): string {
  const lines = escapeHtml(text)
    .split('\n')
    .map((line) => `> ${line}`);
  return `\n> [!${kind}]\n${lines.join('\n')}\n`;
}
