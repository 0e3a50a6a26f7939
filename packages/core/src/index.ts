export {
  checkFreshness,
  type DbTypeFreshness,
  type FreshnessOptions,
  type FreshnessReport,
  type FreshnessState,
} from './check-freshness.js';
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
export { DB_TYPES, type DbType, isDbType, parseDbTypes } from './db-types.js';
export { dbTypesWithBackups } from './db-types-with-backups.js';
export * from './download/index.js';
export * from './errors/index.js';
export { formatAge } from './format-age.js';
export { formatBytes } from './format-bytes.js';
export type { RequestEvent, ResponseInfo } from './http.js';
export { fieldText, isPresent } from './is-present.js';
export {
  describeListChange,
  type ListChange,
  type ListChangeListener,
} from './list-change.js';
export {
  type NewestBackups,
  type NewestBackupsOptions,
  newestBackups,
} from './newest-backups.js';
export {
  DEFAULT_PAGE_CONCURRENCY,
  type Page,
  type PagesOptions,
  type Paginated,
  type ToArrayOptions,
} from './paginate.js';
export { parseDuration } from './parse-duration.js';
export { type BackupPick, type PickCriteria, pickNewBackup } from './pick-new-backup.js';
export {
  DEFAULT_POLL_BUDGET_PER_HOUR,
  minPollIntervalMs,
  type PollPacingOptions,
  RATE_LIMIT_PER_HOUR,
} from './poll-pacing.js';
export { undoDoubleEncoding } from './public-url.js';
export { redactText, redactUrl, registerSecret, sanitizeError } from './redact.js';
export { type ResolveStackOptions, resolveStack } from './resolve-stack.js';
export { DEFAULT_RETRY, type RetryOptions } from './retry-policy.js';
export * from './schemas/index.js';
export { abortedError, type Sleep, sleep } from './sleep.js';
export {
  type BackupSnapshot,
  type SnapshotOptions,
  snapshotLatestBackups,
} from './snapshot-latest-backups.js';
export { buildUserAgent } from './user-agent.js';
export { validateCron } from './validate-cron.js';
export { VERSION } from './version.js';
export {
  DEFAULT_CLOCK_SKEW_MS,
  DEFAULT_WAIT_TIMEOUT_MS,
  type PollEvent,
  SERVER_CLOCK_TOLERANCE_MS,
  type WaitOptions,
  waitForNewBackup,
} from './wait-for-new-backup.js';
