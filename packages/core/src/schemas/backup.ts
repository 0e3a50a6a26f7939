import type { output } from 'zod/mini';
import { isoDate } from './iso-date.js';
import { optionalField } from './optional-field.js';
import {
  BACKUP_STATUS_NAMES,
  RESTORE_STATUS_NAMES,
  statusSchema,
  VERIFY_STATUS_NAMES,
} from './status.js';
import * as z from './zod.js';

const text = () => optionalField(z.string());

/**
 * A backup as `GET /stacks/:id/backups[/:id]` return it. Required: `id` (files and URLs
 * are asked for by it, and a new backup is recognised by a higher one), `db_type`,
 * `backup_status` (a failed backup must never pass for a good one), and `backup_date_iso`
 * and `created_at_iso`, the two dates `pickNewBackup` correlates a created backup on.
 * Everything else is optional and may be null; unknown fields are kept.
 */
export const backupSchema = z.looseObject({
  id: z.int(),
  db_type: z.string(),
  backup_status: statusSchema(BACKUP_STATUS_NAMES),
  backup_date_iso: isoDate,
  created_at_iso: isoDate,
  // The rest of Cloud 66's documented example.
  server_uid: text(),
  database_name: text(),
  file_base: text(),
  /** Cloud 66's reason when `backup_status` is failed. */
  backup_result: text(),
  restore_status: optionalField(statusSchema(RESTORE_STATUS_NAMES)),
  restore_result: text(),
  updated_at_iso: optionalField(isoDate),
  verify_status: optionalField(statusSchema(VERIFY_STATUS_NAMES)),
  verify_result: text(),
  storage_path: text(),
  skip_tables: text(),
  /** Bytes; 0 in the docs' examples, i.e. unknown. */
  backup_size: optionalField(z.number()),
  // Named by api-notes, absent from the docs' example and from the Go client.
  file_name: text(),
  /** true = text dump, false = binary, null = job pruned (or not reported). */
  logical_backup: optionalField(z.boolean()),
});

export type Backup = output<typeof backupSchema>;
