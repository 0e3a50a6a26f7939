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
