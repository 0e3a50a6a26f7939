import { type Backup, formatBytes } from '@c66-backup/core';
import type { Column } from './table-writer.js';

/** `2026-11-27 17:06 UTC`: sortable, unambiguous, short. */
export function formatDate(date: Date | null | undefined): string {
  if (!date) return '-';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The columns of `backups list`. */
export const backupColumns: readonly Column<Backup>[] = [
  { header: 'ID', width: 8, align: 'right', value: (b) => String(b.id) },
  { header: 'DB TYPE', width: 10, value: (b) => b.db_type },
  { header: 'DATABASE', width: 20, value: (b) => b.database_name ?? '-' },
  { header: 'DATE', width: 20, value: (b) => formatDate(b.backup_date_iso) },
  { header: 'STATUS', width: 8, value: (b) => b.backup_status.label },
  { header: 'VERIFIED', width: 14, value: (b) => b.verify_status.label },
  { header: 'SIZE', width: 0, value: (b) => formatBytes(b.backup_size ?? 0) },
];
