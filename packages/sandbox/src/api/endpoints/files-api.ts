import { fileHostPath } from '../../file-host/file-host-paths.js';
import { backupFiles } from '../../file-host/objects/backup-files.js';
import { BUCKET } from '../../file-host/presign.js';
import type { ApiContext } from '../api-context.js';
import { type ApiResult, errors } from '../envelopes/api-errors.js';
import { arrayView, paginate } from '../envelopes/pagination.js';
import { pageParam } from '../params.js';
import { findBackup } from './backups-api.js';

/** `GET /stacks/:uid/backups/:id/files`. */
export function listFiles(ctx: ApiContext): ApiResult {
  const found = findBackup(ctx);
  if ('error' in found) return found.error;
  const page = pageParam(ctx.query);
  if (!page.ok) return page.error;
  const files = backupFiles(found.backup, ctx.splitThresholdBytes);
  return {
    status: 200,
    body: paginate(arrayView(files), page.value, (f) => ({ id: f.id, name: f.name })),
  };
}

/** `GET /stacks/:uid/backups/:id/files/:file_id`: a fresh presigned URL, double-encoded. */
export function getFile(ctx: ApiContext): ApiResult {
  const found = findBackup(ctx);
  if ('error' in found) return found.error;
  const file = backupFiles(found.backup, ctx.splitThresholdBytes).find(
    (f) => f.id === ctx.params.fileId,
  );
  if (!file) return errors.notFound('Backup file not found');
  const path = fileHostPath(BUCKET, found.backup.api.storage_path, file.name);
  ctx.files.set(path, {
    stackUid: found.stack.api.uid,
    backupId: found.backup.api.id,
    fileId: file.id,
  });
  const expires = Math.floor(ctx.now() / 1000 + ctx.urlTtlSeconds);
  const publicUrl = ctx.presigner.publicUrl(ctx.origin, path, expires);
  return { status: 200, body: { response: { ok: true, public_url: publicUrl } } };
}
