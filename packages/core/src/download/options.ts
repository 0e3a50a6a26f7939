import { InvalidInputError } from '../errors/index.js';
import { sleep as realSleep, type Sleep } from '../sleep.js';
import type { Md5Unavailable } from './etag.js';
import { type FileHostRequest, requestFileHost } from './file-host-request.js';
import type { PartCheck } from './finish-part.js';
import type { ProgressListener } from './progress.js';
import type { RetryListener } from './retry-event.js';

export const DEFAULT_CONNECTIONS = 8;
export const DEFAULT_SPAN_BYTES = 16 * 1024 * 1024;
/** More than this would only be refused by hosts (S3 throttles per prefix) and costs sockets. */
export const MAX_CONNECTIONS = 32;

/** Options of `downloadBackup` and `downloadBackupFile`. */
export interface DownloadOptions {
  /** Folder to write into, under the (checked) name the API gives. Exactly one of `dir`/`file`. */
  dir?: string;
  /** Exact path to write. Exactly one of `dir`/`file`. */
  file?: string;
  /** Replace an existing target (default false: `TargetExistsError`). */
  overwrite?: boolean;
  /**
   * Keep `<target>.part` (and a small `<target>.part.json` record of what it holds)
   * after a failure or cancel, so a later run with `resume` can continue (default false).
   */
  keepPartial?: boolean;
  /**
   * Continue from a `.part` kept by an earlier run of this download (same backup and
   * parts, per its record), instead of starting over (default false).
   */
  resume?: boolean;
  signal?: AbortSignal;
  /**
   * Connections to the file host at once (default 8; 1 = one part after the other on one
   * connection). Parts are fetched side by side and large parts in byte ranges, each
   * byte written at its offset of the one `.part` file. A host that throttles (503)
   * gets fewer connections instead of a failure.
   */
  connections?: number;
  /**
   * Bytes one connection asks for at a time when a part is fetched in ranges (default
   * 16 MiB: an even finish, and a request's wait for its first byte costs a few percent).
   */
  spanBytes?: number;
  /** Progress, at most ten calls a second plus a final one. */
  onProgress?: ProgressListener;
  /** Told of every resume and URL renewal (for logs: "reset at byte N, retrying in 0.4 s"). */
  onRetry?: RetryListener;
  /** A connection that sends no byte for this long is dropped and resumed (default 30 s). */
  stallTimeoutMs?: number;
  /** Failed attempts in a row, without progress, before a part is given up (default 5). */
  maxAttempts?: number;
  /** First backoff ceiling between attempts, doubling per failure (default 250 ms; cap 5 s). */
  retryDelayMs?: number;
  /** The size the result must have, when known better than the API's `backup_size`. */
  expectedSize?: number;
  /** Substitutes for tests. `request` is the file host transport (default `node:http(s)`). */
  request?: FileHostRequest;
  sleep?: Sleep;
  now?: () => number;
  random?: () => number;
}

/**
 * A check the whole downloaded file passed: `size` (every part's byte count is what the
 * file host declared), `md5` (every part's MD5 equals its ETag; only where S3's rules say
 * the ETag is an MD5), `backup_size` (the joined total equals the API's `backup_size` or
 * `expectedSize`).
 */
export type VerifiedCheck = 'size' | 'md5' | 'backup_size';

/** What a download produced. */
export interface DownloadResult {
  /** Absolute path of the complete file, checked as `verified` says. */
  path: string;
  bytes: number;
  parts: DownloadedPart[];
  /** The checks that ran and passed for the whole file, e.g. `['size', 'md5', 'backup_size']`. */
  verified: VerifiedCheck[];
}

export interface DownloadedPart {
  id: string;
  name: string;
  bytes: number;
  /** The checks this part passed. */
  verified: PartCheck[];
  /** The MD5 computed while streaming, when the host's ETag allowed checking it. */
  md5?: string;
  /** Why the MD5 was not checked (a multipart or SSE-KMS/SSE-C ETag is not an MD5). */
  md5Unavailable?: Md5Unavailable;
}

export interface ResolvedDownloadOptions {
  overwrite: boolean;
  keepPartial: boolean;
  resume: boolean;
  signal: AbortSignal | undefined;
  connections: number;
  spanBytes: number;
  onProgress: ProgressListener | undefined;
  onRetry: RetryListener | undefined;
  stallTimeoutMs: number;
  maxAttempts: number;
  retryDelayMs: number;
  expectedSize: number | undefined;
  request: FileHostRequest;
  sleep: Sleep;
  now: () => number;
  random: () => number;
}

export function resolveOptions(options: DownloadOptions): ResolvedDownloadOptions {
  if ((options.dir === undefined) === (options.file === undefined)) {
    throw new InvalidInputError('pass exactly one of `dir` (a folder) or `file` (a path)');
  }
  if (options.dir === '' || options.file === '') {
    throw new InvalidInputError('`dir` / `file` must not be empty');
  }
  const stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
  if (!(stallTimeoutMs > 0)) {
    throw new InvalidInputError(`stallTimeoutMs must be > 0, got ${stallTimeoutMs}`);
  }
  const maxAttempts = options.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new InvalidInputError(`maxAttempts must be an integer >= 1, got ${maxAttempts}`);
  }
  const retryDelayMs = options.retryDelayMs ?? 250;
  if (!(retryDelayMs >= 0)) {
    throw new InvalidInputError(`retryDelayMs must be >= 0, got ${retryDelayMs}`);
  }
  const connections = options.connections ?? DEFAULT_CONNECTIONS;
  if (!Number.isInteger(connections) || connections < 1 || connections > MAX_CONNECTIONS) {
    throw new InvalidInputError(
      `connections must be a whole number from 1 to ${MAX_CONNECTIONS}, got ${connections}`,
    );
  }
  const spanBytes = options.spanBytes ?? DEFAULT_SPAN_BYTES;
  if (!Number.isSafeInteger(spanBytes) || spanBytes < 1) {
    throw new InvalidInputError(`spanBytes must be a byte count >= 1, got ${spanBytes}`);
  }
  const { expectedSize } = options;
  if (expectedSize !== undefined && !(Number.isSafeInteger(expectedSize) && expectedSize >= 0)) {
    throw new InvalidInputError(`expectedSize must be a byte count, got ${expectedSize}`);
  }
  return {
    overwrite: options.overwrite ?? false,
    keepPartial: options.keepPartial ?? false,
    resume: options.resume ?? false,
    signal: options.signal,
    connections,
    spanBytes,
    onProgress: options.onProgress,
    onRetry: options.onRetry,
    stallTimeoutMs,
    maxAttempts,
    retryDelayMs,
    expectedSize,
    request: options.request ?? requestFileHost,
    sleep: options.sleep ?? realSleep,
    now: options.now ?? (() => performance.now()),
    random: options.random ?? Math.random,
  };
}
