import { type Backup, fieldText, formatBytes } from '@c66-backup/core';
import * as vscode from 'vscode';
import { joinFields } from './join-fields.js';
import { relativeTime } from './relative-time.js';

/** `mysql · shop_production`, or `mysql` when the server names no database. */
export function backupLabel(backup: Backup): string {
  return joinFields([backup.db_type, fieldText(backup.database_name)]);
}

/** `3 hours ago · 12.4 MB`; what the server did not send is left out. */
export function backupDescription(backup: Backup, now: number): string {
  return joinFields([
    fieldText(backup.backup_date_iso, (date) => relativeTime(date, now)),
    fieldText(backup.backup_size, formatBytes),
  ]);
}

/** The state that matters most, first: failed, restoring, verification outcome, ok. */
export function backupIcon(backup: Backup): vscode.ThemeIcon {
  const color = (id: string) => new vscode.ThemeColor(id);
  if (backup.backup_status.name === 'failed') {
    return new vscode.ThemeIcon('error', color('errorForeground'));
  }
  if (backup.backup_status.name === 'unknown') return new vscode.ThemeIcon('question');
  if (backup.restore_status?.name === 'restoring') return new vscode.ThemeIcon('sync~spin');
  switch (backup.verify_status?.name) {
    case 'verification_failed':
      return new vscode.ThemeIcon('warning', color('problemsWarningIcon.foreground'));
    case 'verified':
      return new vscode.ThemeIcon('verified-filled', color('testing.iconPassed'));
    case 'verifying':
      return new vscode.ThemeIcon('loading~spin');
    default:
      return new vscode.ThemeIcon('database');
  }
}

/** Every field a person would look for, the failure reason included; absent ones left out. */
export function backupTooltip(backup: Backup): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  md.appendText(backupLabel(backup));
  md.appendMarkdown('**\n\n');
  const rows: [string, string | null | undefined][] = [
    ['Backup ID', String(backup.id)],
    ['Taken', fieldText(backup.backup_date_iso, (date) => date.toISOString())],
    ['Size', fieldText(backup.backup_size, (n) => `${formatBytes(n)} (${n} bytes)`)],
    ['Status', backup.backup_status.label],
    ['Failure reason', backup.backup_status.name === 'ok' ? null : backup.backup_result],
    ['Verification', backup.verify_status?.label],
    ['Verification result', backup.verify_result],
    ['Restore', backup.restore_status?.label],
    ['Restore result', backup.restore_result],
    ['Kind', fieldText(backup.logical_backup, (logical) => (logical ? 'text dump' : 'binary'))],
    ['Skipped tables', backup.skip_tables],
    ['Server', backup.server_uid],
    ['Storage path', backup.storage_path],
  ];
  for (const [name, raw] of rows) {
    const value = fieldText(raw);
    if (value === undefined) continue;
    md.appendMarkdown(`**${name}:** `);
    md.appendText(value);
    md.appendMarkdown('  \n');
  }
  return md;
}
