import { z } from 'zod';
import { optionalField } from './optional-field.js';

/**
 * One file of a backup: `tar`, or parts `tar-aa`, `tar-ab`... for split backups. Both
 * required: the id asks for the URL, the name orders the parts and names the saved file.
 */
export const backupFileSchema = z.object({ id: z.string(), name: z.string() }).loose();
export type BackupFile = z.infer<typeof backupFileSchema>;

/**
 * `GET .../files/:id`: the presigned URL (required), still double-encoded as Cloud 66
 * sends it. An explicit `ok: false` is refused by the client.
 */
export const backupFileUrlSchema = z
  .object({ ok: optionalField(z.boolean()), public_url: z.string() })
  .loose();

/**
 * The answer of create and import: `{ ok: true, message: 'queued for creation' }`. Nothing
 * in it is required (a 2xx answer is the confirmation); an explicit `ok: false` is refused.
 */
export const queuedResultSchema = z
  .object({ ok: optionalField(z.boolean()), message: optionalField(z.string()) })
  .loose();
export type QueuedResult = z.infer<typeof queuedResultSchema>;
