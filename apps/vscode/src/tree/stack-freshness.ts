import type { FreshnessReport } from '@c66-backup/core';
import type * as vscode from 'vscode';
import { describeError } from '../describe-error.js';

/** What a stack node knows of its backups' freshness. */
export type StackFreshness =
  | { state: 'loading' }
  | { state: 'loaded'; report: FreshnessReport }
  | { state: 'error'; error: unknown };

/**
 * True when a db type needs a look: its newest good backup is older than the setting, its
 * newest backup failed, or none is good. A stack without any backup is not flagged: the tree
 * already says "No backups yet".
 */
export function needsAttention(freshness: StackFreshness | undefined): boolean {
  return freshness?.state === 'loaded' && freshness.report.dbTypes.some((d) => d.state !== 'fresh');
}

/** The tooltip's freshness lines: one per db type, with the age of its newest good backup. */
export function appendFreshness(md: vscode.MarkdownString, freshness: StackFreshness): void {
  md.supportThemeIcons = true;
  md.appendMarkdown('\n\n**Backups:**  \n');
  if (freshness.state === 'loading') {
    md.appendText('checking…');
    return;
  }
  if (freshness.state === 'error') {
    md.appendText(`could not check: ${describeError(freshness.error)}`);
    return;
  }
  const { report } = freshness;
  if (report.dbTypes.length === 0) md.appendText('No backups yet');
  for (const entry of report.dbTypes) {
    md.appendMarkdown(entry.state === 'fresh' ? '$(check) ' : '$(warning) ');
    md.appendText(entry.reason);
    md.appendMarkdown('  \n');
  }
}
