import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import {
  Cloud66Error,
  DownloadFailedError,
  DownloadStalledError,
  FileHostError,
  TruncatedBodyError,
} from '../errors/index.js';
import { isTransientError } from '../is-transient.js';
import { abortedError, anySignal, type Sleep } from '../sleep.js';
import type { AtomicFile } from './atomic-file.js';
import type { FileHostRequest, FileHostResponse } from './file-host-request.js';
import { refuseErrorPage } from './file-host-response.js';
import { finishPart, type PartResult } from './finish-part.js';
import { requestFollowingRedirects } from './follow-redirects.js';
import { localFileError } from './local-file-error.js';
import { checkPartResponse, newPartState, type PartState, UrlRefused } from './part-response.js';
import { PartWriter } from './part-writer.js';
import { notifyRetry, type RetryListener } from './retry-event.js';
import { StallGuard } from './stall-guard.js';
import type { WriteTarget } from './write-target.js';

export interface PartDownload {
  /** The part's file name from the API, used in errors. */
  label: string;
  /** A fresh presigned URL for this part (asked just before use: they expire). */
  getUrl: () => Promise<string>;
  file: WriteTarget;
  /** Offset of this part's first byte in the joined file. */
  start: number;
  signal: AbortSignal | undefined;
  stallTimeoutMs: number;
  /** Attempts in a row without progress before giving up. */
  maxAttempts: number;
  backoffMs: (failures: number) => number;
  sleep: Sleep;
  request: FileHostRequest;
  /** Bytes written (negative if the host ignored a Range and the part restarts). */
  onBytes: (bytes: number) => void;
  /** The part's size, as soon as the host declares it. */
  onLength: (length: number) => void;
  onRetry: RetryListener | undefined;
}

/**
 * Downloads one part into its place in the `.part` file, resuming with `Range` after
 * resets, stalls and truncated bodies, and with a fresh URL after a 403 (expiry).
 * Once the part is complete the result is verified; `state` then holds its length and ETag.
 */
export async function downloadPart(
  part: PartDownload,
  /** Where an earlier run stopped (bytes on disk, length, ETag, MD5 so far), or fresh. */
  state: PartState = newPartState(),
): Promise<PartResult> {
  let url: string | undefined;
  let failures = 0;
  for (;;) {
    if (part.signal?.aborted) throw abortedError(part.signal);
    if (url === undefined) {
      url = await part.getUrl();
      state.urlWorked = false;
    }
    const before = state.reached;
    try {
      await attempt(part, url, state);
      break;
    } catch (error) {
      if (part.signal?.aborted) throw abortedError(part.signal);
      if (error instanceof UrlRefused) {
        url = undefined;
        notifyRetry(part.onRetry, part.label, {
          attempt: failures,
          bytesReached: state.reached,
          delayMs: 0,
          error,
        });
        continue;
      }
      if (!isRetryable(error)) throw error;
      failures = state.reached > before ? 1 : failures + 1;
      if (failures >= part.maxAttempts) {
        throw new DownloadFailedError(part.label, failures, state.reached, error);
      }
      const delayMs = part.backoffMs(failures);
      notifyRetry(part.onRetry, part.label, {
        attempt: failures,
        bytesReached: state.reached,
        delayMs,
        error,
      });
      await part.sleep(delayMs, part.signal);
    }
  }
  return finishPart(part.label, state);
}

async function attempt(part: PartDownload, url: string, state: PartState): Promise<void> {
  const stall = new AbortController();
  const guard = new StallGuard(part.stallTimeoutMs, () =>
    stall.abort(new DownloadStalledError(`no bytes for ${part.stallTimeoutMs} ms`)),
  );
  const signal = anySignal(part.signal, stall.signal);
  let writer: PartWriter | undefined;
  let response: FileHostResponse | undefined;
  try {
    const headers: Record<string, string> = { 'accept-encoding': 'identity' };
    // A span of the part asks for its end too; the part to its end only when resuming.
    if (state.reached > 0 || state.end !== undefined)
      headers.range = `bytes=${state.reached}-${state.end === undefined ? '' : state.end - 1}`;
    response = await requestFollowingRedirects(part.request, url, { headers, signal }, part.label);
    guard.touch();
    const restart = await checkPartResponse(response, state, part.label);
    if (restart) {
      // The host ignored our Range: start the part over rather than trust an offset.
      await part.file.truncate(part.start);
      part.onBytes(-state.reached);
      state.reached = 0;
    }
    if (state.reached === 0) {
      // Bytes are appended in order, so one hash carries across resumes of this part.
      state.hash = state.expectedMd5 ? createHash('md5') : undefined;
    }
    const length = state.length ?? 0;
    const errorPage = refuseErrorPage(response.headers.get('content-type'), part.label);
    // An S3 error page sent as a 200 is named as such, before its size disagrees.
    if (!errorPage || state.reached === state.length) part.onLength(length);
    if (state.reached === (state.end ?? state.length)) {
      response.body.destroy();
      return;
    }
    writer = new PartWriter({
      handle: part.file.handle,
      position: part.start + state.reached,
      hash: state.hash,
      onData: () => guard.touch(),
      onWritten: (bytes) => {
        state.reached += bytes;
        part.onBytes(bytes);
      },
      checkFirstChunk:
        errorPage &&
        ((chunk) => {
          errorPage(chunk);
          part.onLength(length);
        }),
    });
    await pipeline(response.body, writer);
    if (state.reached < (state.end ?? state.length ?? 0)) {
      throw new TruncatedBodyError(
        `the body of ${JSON.stringify(part.label)} ended at byte ${state.reached} of ${state.length}`,
      );
    }
  } catch (error) {
    response?.body.destroy();
    if (stall.signal.aborted && !part.signal?.aborted) throw stall.signal.reason;
    if (writer?.writeError) throw localFileError(writer.writeError, part.file.target, true);
    throw error;
  } finally {
    guard.stop();
    await writer?.settled();
  }
}

/** Resets, stalls, truncations and 5xx are worth a resume; everything we built ourselves otherwise is final. */
function isRetryable(error: unknown): boolean {
  if (error instanceof FileHostError) return isTransientError(error);
  if (error instanceof DownloadStalledError || error instanceof TruncatedBodyError) return true;
  // node:http reports resets, refusals and aborted bodies as plain errors (ECONNRESET...).
  return !(error instanceof Cloud66Error);
}
