import { z } from 'zod';
import { isoDate } from './iso-date.js';
import {
  BACKUP_STATUS_NAMES,
  RESTORE_STATUS_NAMES,
  statusSchema,
  VERIFY_STATUS_NAMES,
} from './status.js';

/**
 * A backup as `GET /stacks/:id/backups[/:id]` return it (fields of Cloud 66's page, plus
 * `file_name` and `logical_backup` from api-notes, which that page's example lacks).
 */
export const backupSchema = z
  .object({
    id: z.number().int(),
    server_uid: z.string(),
    db_type: z.string(),
    database_name: z.string(),
    file_base: z.string(),
    file_name: z.string().optional(),
    backup_date_iso: isoDate,
    backup_status: statusSchema(BACKUP_STATUS_NAMES),
    backup_result: z.string().nullable(),
    restore_status: statusSchema(RESTORE_STATUS_NAMES),
    restore_result: z.string().nullable(),
    created_at_iso: isoDate,
    updated_at_iso: isoDate,
    verify_status: statusSchema(VERIFY_STATUS_NAMES),
    verify_result: z.string().nullable(),
    storage_path: z.string(),
    skip_tables: z.string().nullable(),
    backup_size: z.number(),
    /** true = text dump, false = binary, null = job pruned (or not reported). */
    logical_backup: z.boolean().nullable().default(null),
  })
  .loose();

export type Backup = z.infer<typeof backupSchema>;
