import { type Backup, formatBytes } from '@c66-backup/core';
import { orDash } from './or-dash.js';
import type { Column } from './table-writer.js';

/** `2026-11-27 17:06 UTC`: sortable, unambiguous, short; a dash when there is no date. */
export function formatDate(date: Date | null | undefined): string {
  return orDash(date, (d) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
}

/** `12.4 MB`, or a dash when the server did not say (never a made-up `0 B`). */
export function formatSize(bytes: number | null | undefined): string {
  return orDash(bytes, formatBytes);
}

/** The columns of `backups list`. */
export const backupColumns: readonly Column<Backup>[] = [
  { header: 'ID', width: 8, align: 'right', value: (b) => String(b.id) },
  { header: 'DB TYPE', width: 10, value: (b) => b.db_type },
  { header: 'DATABASE', width: 20, value: (b) => orDash(b.database_name) },
  { header: 'DATE', width: 20, value: (b) => formatDate(b.backup_date_iso) },
  { header: 'STATUS', width: 8, value: (b) => b.backup_status.label },
  { header: 'VERIFIED', width: 14, value: (b) => orDash(b.verify_status?.label) },
  { header: 'SIZE', width: 0, value: (b) => formatSize(b.backup_size) },
];
