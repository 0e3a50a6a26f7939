import { CallbackError } from '../errors/index.js';
import { sanitizeError } from '../redact.js';

/** What `onRetry` receives each time a part is resumed or its URL renewed. */
export interface DownloadRetry {
  /** The part's file name. */
  part: string;
  /** Failures in a row without progress so far (0 for a renewed URL). */
  attempt: number;
  /** Bytes of this part already safe on disk: the resume starts there. */
  bytesReached: number;
  /** The wait before the next attempt. */
  delayMs: number;
  /** What went wrong, redacted (no URL query string, no token). */
  error: Error;
}

export type RetryListener = (event: DownloadRetry) => void;

/** Tells the listener, with a redacted copy of the error; a listener that throws stops the download. */
export function notifyRetry(
  listener: RetryListener | undefined,
  part: string,
  event: { attempt: number; bytesReached: number; delayMs: number; error: unknown },
): void {
  if (!listener) return;
  try {
    listener({
      part,
      attempt: event.attempt,
      bytesReached: event.bytesReached,
      delayMs: event.delayMs,
      // Foreign errors (undici's) may hold URLs: only a redacted copy leaves the engine.
      error: sanitizeError(event.error) ?? new Error('unknown failure'),
    });
  } catch (error) {
    throw new CallbackError('the onRetry callback threw', { cause: error });
  }
}
