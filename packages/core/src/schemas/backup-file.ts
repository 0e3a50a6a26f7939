import type { output } from 'zod/mini';
import { optionalField } from './optional-field.js';
import * as z from './zod.js';

/**
 * One file of a backup: `tar`, or parts `tar-aa`, `tar-ab`... for split backups. Both
 * required: the id asks for the URL, the name orders the parts and names the saved file.
 */
export const backupFileSchema = z.looseObject({ id: z.string(), name: z.string() });
export type BackupFile = output<typeof backupFileSchema>;

/**
 * `GET .../files/:id`: the presigned URL (required), still double-encoded as Cloud 66
 * sends it. An explicit `ok: false` is refused by the client.
 */
export const backupFileUrlSchema = z.looseObject({
  ok: optionalField(z.boolean()),
  public_url: z.string(),
});

/**
 * The answer of create and import: `{ ok: true, message: 'queued for creation' }`. Nothing
 * in it is required (a 2xx answer is the confirmation); an explicit `ok: false` is refused.
 */
export const queuedResultSchema = z.looseObject({
  ok: optionalField(z.boolean()),
  message: optionalField(z.string()),
});
export type QueuedResult = output<typeof queuedResultSchema>;
