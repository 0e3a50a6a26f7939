import { z } from 'zod';

/** One file of a backup: `tar`, or parts `tar-aa`, `tar-ab`... for split backups. */
export const backupFileSchema = z.object({ id: z.string(), name: z.string() }).loose();
export type BackupFile = z.infer<typeof backupFileSchema>;

/** `GET .../files/:id`: the presigned URL, still double-encoded as Cloud 66 sends it. */
export const backupFileUrlSchema = z.object({ ok: z.boolean(), public_url: z.string() }).loose();

/** The answer of create and import: `{ ok: true, message: 'queued for creation' }`. */
export const queuedResultSchema = z.object({ ok: z.boolean(), message: z.string() }).loose();
export type QueuedResult = z.infer<typeof queuedResultSchema>;
