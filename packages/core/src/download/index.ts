export { downloadBackup } from './download-backup.js';
export { downloadBackupFile } from './download-backup-file.js';
export type { DownloadClient } from './download-client.js';
export {
  BackupPartsError,
  CallbackError,
  DownloadFailedError,
  DownloadStalledError,
  FileHostError,
  type IntegrityCheck,
  IntegrityError,
  LocalFileError,
  TargetExistsError,
  TruncatedBodyError,
  UnsafeFileNameError,
} from './errors.js';
export {
  type FileHostRequest,
  type FileHostRequestInit,
  type FileHostResponse,
  requestFileHost,
} from './file-host-request.js';
export type { DownloadedPart, DownloadOptions, DownloadResult } from './options.js';
export { type BackupFileRef, type OrderedParts, orderParts } from './part-order.js';
export type { DownloadProgress, ProgressListener } from './progress.js';
export type { DownloadRetry, RetryListener } from './retry-event.js';
export { pathInside, safeFileName } from './safe-file-name.js';
