export { describeChecks } from './describe-checks.js';
export { downloadBackup } from './download-backup.js';
export { downloadBackupFile } from './download-backup-file.js';
export type { DownloadClient } from './download-client.js';
export type { Md5Unavailable } from './etag.js';
export {
  type FileHostRequest,
  type FileHostRequestInit,
  type FileHostResponse,
  requestFileHost,
} from './file-host-request.js';
export type { PartCheck } from './finish-part.js';
export { MAX_REDIRECTS } from './follow-redirects.js';
export type {
  DownloadedPart,
  DownloadOptions,
  DownloadResult,
  VerifiedCheck,
} from './options.js';
export { DEFAULT_CONNECTIONS, MAX_CONNECTIONS } from './options.js';
export { type BackupFileRef, type OrderedParts, orderParts } from './part-order.js';
export type { DownloadProgress, ProgressListener } from './progress.js';
export type { DownloadRetry, RetryListener } from './retry-event.js';
export { pathInside, safeFileName } from './safe-file-name.js';
export { type BackupStream, type StreamOptions, streamBackup } from './stream-backup.js';
