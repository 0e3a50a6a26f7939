import { Cloud66Error, type Cloud66ErrorOptions } from './cloud66-error.js';

/** The target file exists and `overwrite` was not set (or it is a directory). */
export class TargetExistsError extends Cloud66Error {
  override readonly code = 'TARGET_EXISTS';
  constructor(
    readonly path: string,
    detail = 'already exists (pass overwrite to replace it)',
  ) {
    super(`${path} ${detail}`);
  }
}

/** A file name from the API cannot be written safely (traversal, device name...). */
export class UnsafeFileNameError extends Cloud66Error {
  override readonly code = 'UNSAFE_FILE_NAME';
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`refusing to write the backup file ${JSON.stringify(fileName)}: ${reason}`);
  }
}

/** The backup's file list is not one file nor a complete set of `split` parts. */
export class BackupPartsError extends Cloud66Error {
  override readonly code = 'BACKUP_PARTS';
}

/** What holds the lock on a kept `.part`: enough to tell a live run from a dead one. */
export interface PartLockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  startedAt: string;
}

/** Another download is resuming the same kept `.part` right now: two never do at once. */
export class PartInUseError extends Cloud66Error {
  override readonly code = 'PART_IN_USE';
  constructor(
    readonly partPath: string,
    readonly lockPath: string,
    readonly holder: PartLockHolder | undefined,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host}, since ${holder.startedAt}`
      : 'another process';
    super(
      `${partPath} is being resumed by another download (${who}); wait for it to end, or delete ${lockPath} if that download is surely gone`,
    );
  }
}

/** Which check a downloaded part failed. */
export type IntegrityCheck = 'length' | 'md5' | 'total' | 'content-range' | 'etag';

/** Downloaded bytes do not match what the file host or the API declared. */
export class IntegrityError extends Cloud66Error {
  override readonly code = 'DOWNLOAD_INTEGRITY';
  constructor(
    message: string,
    readonly check: IntegrityCheck,
    /** The part (file name) that failed; undefined for the whole-backup total. */
    readonly part: string | undefined,
    readonly expected: string | number,
    readonly actual: string | number,
  ) {
    super(message);
  }
}

/** The file host answered something that can never become the file (a 404, an S3 error page). */
export class FileHostError extends Cloud66Error {
  override readonly code = 'FILE_HOST_ERROR';
  constructor(
    message: string,
    readonly part: string,
    /** S3's `<Code>` (e.g. `AccessDenied`) when the body carried one. */
    readonly s3Code: string | undefined,
    options: Cloud66ErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** Why the file host's redirects could not be followed. */
export type RedirectProblem = 'loop' | 'too-many-hops' | 'no-location' | 'insecure';

/** The file host redirected in a loop, too often, nowhere, or from https to http. */
export class FileHostRedirectError extends Cloud66Error {
  override readonly code = 'FILE_HOST_REDIRECT';
  constructor(
    message: string,
    readonly part: string,
    readonly problem: RedirectProblem,
    /** Redirects followed before giving up. */
    readonly hops: number,
    options: Cloud66ErrorOptions = {},
  ) {
    super(message, options);
  }
}

/** No bytes arrived for `stallTimeoutMs`; retried like a reset, surfaced as a cause. */
export class DownloadStalledError extends Cloud66Error {
  override readonly code = 'DOWNLOAD_STALLED';
}

/** The body ended before its declared `Content-Length`; retried, surfaced as a cause. */
export class TruncatedBodyError extends Cloud66Error {
  override readonly code = 'TRUNCATED_BODY';
}

/** A part kept failing: `attempts` tries in a row made no progress. `cause` is the last failure. */
export class DownloadFailedError extends Cloud66Error {
  override readonly code = 'DOWNLOAD_FAILED';
  constructor(
    readonly part: string,
    readonly attempts: number,
    readonly bytesReached: number,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? `: ${cause.message}` : '';
    super(
      `downloading ${JSON.stringify(part)} failed after ${attempts} attempts without progress at byte ${bytesReached}${why}`,
      { cause },
    );
  }
}

/** An `onProgress` or `onRetry` callback threw: the download stops (never retried). */
export class CallbackError extends Cloud66Error {
  override readonly code = 'CALLBACK_FAILED';
}
