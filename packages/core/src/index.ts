// biome-ignore-all assist/source/organizeImports: grouped by concern on purpose, not sorted
// The core's public API, listed by name: a change here is a change to every app, and
// `pnpm --filter @c66-backup/core check:api` pins it (etc/core.api.md). Schemas live at
// `@c66-backup/core/schemas`, test seams at `@c66-backup/core/testing`.

// Client
export { type Client, createClient } from './client.js';
export {
  type BackupFileUrl,
  type CallOptions,
  type ClientOptions,
  type CreateBackupOptions,
  DEFAULT_BASE_URL,
  type ImportBackupOptions,
  type ListOptions,
} from './client-options.js';
export type { RequestEvent, ResponseInfo } from './http.js';
export {
  describeListChange,
  type ListChange,
  type ListChangeListener,
} from './list-change.js';
export type { Page, PagesOptions, Paginated, ToArrayOptions } from './paginate.js';
export type { RetryOptions } from './retry-policy.js';
export { parseApiUrl } from './parse-api-url.js';
export { isInsecureApiUrl } from './is-insecure-api-url.js';
export { formatRequestEvent } from './format-request-event.js';
export { errorHint } from './error-hint.js';
export { redactText, registerSecret } from './redact.js';
export type { Sleep } from './sleep.js';
export { formatAge } from './format-age.js';
export { formatBytes } from './format-bytes.js';
export { formatDuration } from './format-duration.js';
export { parseDuration } from './parse-duration.js';
export { fieldText, isPresent } from './is-present.js';

// Flows: create a backup (or reuse a fresh one), wait for it, check freshness
export {
  checkFreshness,
  type DbTypeFreshness,
  type FreshnessOptions,
  type FreshnessReport,
  type FreshnessState,
} from './check-freshness.js';
export {
  type CreateAndWaitOptions,
  type CreateAndWaitResult,
  createBackupAndWait,
} from './create-backup-and-wait.js';
export {
  type CreateOrReuseOptions,
  type CreateOrReuseResult,
  createOrReuseBackup,
  type ReusePlan,
} from './create-or-reuse-backup.js';
export { dbTypesWithBackups } from './db-types-with-backups.js';
export {
  type NewestBackups,
  type NewestBackupsOptions,
  newestBackups,
} from './newest-backups.js';
export { minPollIntervalMs, type PollPacingOptions } from './poll-pacing.js';
export {
  type BackupSnapshot,
  type SnapshotOptions,
  snapshotLatestBackups,
} from './snapshot-latest-backups.js';
export { validateCron } from './validate-cron.js';
export { type PollEvent, type WaitOptions, waitForNewBackup } from './wait-for-new-backup.js';

// Downloads
export { describeChecks } from './download/describe-checks.js';
export {
  describeProgress,
  type ProgressDescription,
} from './download/describe-progress.js';
export { downloadBackupFile } from './download/download-backup-file.js';
export { downloadBackup } from './download/download-backup.js';
export { downloadTargetName } from './download/download-target-name.js';
export type { DownloadClient } from './download/download-client.js';
export type { Md5Unavailable } from './download/etag.js';
export type {
  FileHostRequest,
  FileHostRequestInit,
  FileHostResponse,
} from './download/file-host-request.js';
export type { PartCheck } from './download/finish-part.js';
export {
  DEFAULT_CONNECTIONS,
  type DownloadedPart,
  type DownloadOptions,
  type DownloadResult,
  type VerifiedCheck,
} from './download/options.js';
export { type BackupFileRef, type OrderedParts, orderParts } from './download/part-order.js';
export type { DownloadProgress, ProgressListener } from './download/progress.js';
export type { DownloadRetry, RetryListener } from './download/retry-event.js';
export { type BackupStream, type StreamOptions, streamBackup } from './download/stream-backup.js';

// Stack resolution
export { type ResolveStackOptions, resolveStack } from './resolve-stack.js';

// Db types
export {
  DB_TYPES,
  type DbType,
  type DbTypeSelection,
  isDbType,
  parseDbTypes,
  selectedDbTypes,
} from './db-types.js';

// Record types (the validated shapes the client returns)
export type { BackupFile, QueuedResult } from './schemas/backup-file.js';
export type { Backup } from './schemas/backup.js';
export type { Stack } from './schemas/stack.js';
export type {
  BackupStatus,
  RestoreStatus,
  StackHealth,
  StackStatus,
  Status,
  VerifyStatus,
} from './schemas/status.js';

// Errors: one hierarchy under Cloud66Error
export {
  AbortedError,
  AmbiguousStackError,
  ApiError,
  BackupFailedError,
  type BackupFailedOptions,
  BackupPartsError,
  CallbackError,
  Cloud66Error,
  type Cloud66ErrorOptions,
  ConflictError,
  DownloadFailedError,
  DownloadStalledError,
  FileHostError,
  FileHostRedirectError,
  ForbiddenError,
  type IntegrityCheck,
  IntegrityError,
  InvalidInputError,
  LocalFileError,
  NetworkError,
  NotFoundError,
  PartInUseError,
  type PartLockHolder,
  type RedirectProblem,
  ResponseValidationError,
  type StackCandidate,
  StackNotFoundError,
  TargetExistsError,
  ThrottledError,
  TimeoutError,
  TrialExpiredError,
  TruncatedBodyError,
  UnauthenticatedError,
  UnknownDbTypesError,
  UnsafeFileNameError,
  WaitTimeoutError,
} from './errors/index.js';
