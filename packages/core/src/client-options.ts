import type { RequestEvent, ResponseInfo } from './http.js';
import type { ListChangeListener } from './list-change.js';
import type { RetryOptions } from './retry-policy.js';
import type { Sleep } from './sleep.js';

export const DEFAULT_BASE_URL = 'https://app.cloud66.com/api/3';

export interface ClientOptions {
  /** A Cloud 66 personal access token (account settings) or OAuth token. */
  token: string;
  /** API root (default `https://app.cloud66.com/api/3`; the sandbox prints its own). */
  baseUrl?: string;
  /** Sent as `X-Account` to act in one of the token's organisations. */
  accountId?: string | number;
  /** The consumer's `name/version`; the client appends ` (os; arch)`. */
  userAgent?: string;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  /** GET retry policy; POST is never retried. */
  retry?: RetryOptions;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
  /** Called after every HTTP attempt (request logs). */
  onRequest?: (event: RequestEvent) => void;
  /** Default page prefetch concurrency of list iterators (default 8). */
  pageConcurrency?: number;
  /**
   * Told whenever a list walk of this client (including the core's own, e.g. a backup's
   * files) sees the list shift or end early; a list's own `onListChange` replaces it.
   */
  onListChange?: ListChangeListener;
  /** Substitutes for tests: the retry sleep and the jitter source. */
  sleep?: Sleep;
  random?: () => number;
}

/** Options every call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the client's retry policy for this call (the waiter passes `{ limit: 0 }`). */
  retry?: RetryOptions;
  /** Called with the status and server `Date` of a successful answer (correlation uses it). */
  onResponse?: (info: ResponseInfo) => void;
}

export interface ListOptions extends CallOptions {
  /** Default prefetch concurrency of this list's iterator. */
  concurrency?: number;
  /** Told when the list shifts under a walk or ends before its announced count. */
  onListChange?: ListChangeListener;
}

export interface CreateBackupOptions extends CallOptions {
  dbTypes: readonly string[] | 'all';
  /** Cron schedule of the backup task (5 fields). */
  frequency?: string;
  keepCount?: number;
  gzip?: boolean;
  excludedTables?: string;
  runOnReplicaServer?: boolean;
}

export interface ImportBackupOptions extends CallOptions {
  group: number;
  dbType: string;
  remoteUrl: string;
}

/** A presigned download URL (with Cloud 66's double encoding undone). It is a secret. */
export interface BackupFileUrl {
  ok: boolean;
  publicUrl: string;
}
