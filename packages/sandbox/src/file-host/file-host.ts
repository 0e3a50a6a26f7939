import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeBody } from '../faults/body-writer.js';
import type { ServerDeps } from '../server/server-deps.js';
import { sleep } from '../shared/sleep.js';
import { BufferPool } from './buffer-pool.js';
import { canonicalFileHostPath } from './file-host-paths.js';
import { sendRedirect } from './file-host-redirect.js';
import { shapedBody } from './network/paced-chunks.js';
import { encryptedObject } from './object-encryption.js';
import { CHUNK } from './objects/backup-content.js';
import { backupFiles } from './objects/backup-files.js';
import { contentOf } from './objects/content-of.js';
import { parseRange } from './range.js';
import { sendS3Error } from './s3-errors.js';

const pool = new BufferPool(CHUNK, 64);

/** Serves a presigned download like S3: signature and expiry checks, ETag, Range, HEAD. */
export async function handleFileHost(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ServerDeps,
): Promise<void> {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendS3Error(res, 405, requestId, undefined, undefined, {}, { Allow: 'GET, HEAD' });
  }
  const now = deps.opts.now();
  const path = canonicalFileHostPath(url.pathname);
  const mirrored = path !== url.pathname;
  const check = deps.presigner.check(path, url.searchParams, now);
  if (!check.ok) {
    const extra: Record<string, string> =
      check.message === 'Request has expired'
        ? {
            Expires: new Date(Number(url.searchParams.get('Expires')) * 1000).toISOString(),
            ServerTime: new Date(now).toISOString(),
          }
        : {};
    return sendS3Error(res, 403, requestId, check.code, check.message, extra);
  }
  const ref = deps.files.get(path);
  const stack = ref && deps.world.stack(ref.stackUid);
  const backup = ref && stack?.backups.get(ref.backupId);
  const file =
    backup && backupFiles(backup, deps.opts.splitThresholdBytes).find((f) => f.id === ref.fileId);
  if (!ref || !backup || !file)
    return sendS3Error(res, 404, requestId, undefined, undefined, { Key: url.pathname });

  const decision = deps.faults.take(
    {
      route: 'download',
      stackUid: ref.stackUid,
      backupId: ref.backupId,
      fileId: ref.fileId,
      dbType: backup.api.db_type,
    },
    (f) =>
      (f.kind !== 'redirect' || mirrored === false || f.chain === true || f.loop === true) &&
      (req.method !== 'HEAD' ||
        f.kind === 'latency' ||
        f.kind === 'status' ||
        f.kind === 'redirect'),
  );
  await sleep(decision.latencyMs);
  const fault = decision.fault;
  if (fault?.kind === 'redirect') return sendRedirect(res, url, deps.origin(), fault, requestId);
  if (fault?.kind === 'status') {
    if (fault.body !== undefined) {
      const body = Buffer.from(
        typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body),
      );
      res.writeHead(fault.status, { 'Content-Length': String(body.length), ...fault.headers });
      return void res.end(body);
    }
    return sendS3Error(res, fault.status, requestId, fault.error, undefined, {}, fault.headers);
  }

  const content = contentOf(backup, deps.world.seed);
  const key = `${ref.stackUid}/${ref.backupId}/${ref.fileId}/${deps.opts.splitThresholdBytes}`;
  const stored = encryptedObject(
    deps.world.encryption.get(`${ref.stackUid}/${ref.backupId}`),
    await deps.etags.get(key, content, file.offset, file.size),
    key,
  );
  const etag = stored.etag;
  const ifRange = req.headers['if-range'];
  const range =
    ifRange && ifRange !== etag
      ? { kind: 'full' as const }
      : parseRange(req.headers.range, file.size);
  if (range.kind === 'unsatisfiable') {
    return sendS3Error(
      res,
      416,
      requestId,
      undefined,
      undefined,
      { RangeRequested: String(req.headers.range) },
      {
        'Content-Range': `bytes */${file.size}`,
      },
    );
  }
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end + 1 : file.size;
  const headers: Record<string, string> = {
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(end - start),
    ETag: etag,
    'Accept-Ranges': 'bytes',
    'Last-Modified': new Date(Date.parse(backup.api.created_at_iso)).toUTCString(),
    'x-amz-request-id': requestId,
    ...stored.headers,
  };
  if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end - 1}/${file.size}`;
  // The network model's time to first byte: S3 takes its time before it answers.
  await sleep(deps.network.settings.firstByteMs);
  res.writeHead(range.kind === 'partial' ? 206 : 200, headers);
  if (req.method === 'HEAD') return void res.end();
  const bodyFault =
    fault?.kind === 'reset' ||
    fault?.kind === 'stall' ||
    fault?.kind === 'truncate' ||
    fault?.kind === 'corrupt'
      ? fault
      : undefined;
  const chunks = content.chunks(file.offset + start, file.offset + end, (n) => pool.take(n));
  await writeBody(
    res,
    shapedBody(chunks, deps.network, res),
    bodyFault,
    (chunk) => pool.give(chunk),
    decision.released,
  );
}
