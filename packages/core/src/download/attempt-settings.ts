import { backoffDelayMs, DEFAULT_RETRY } from '../retry-policy.js';
import type { ResolvedDownloadOptions } from './options.js';
import type { PartDownload } from './resumable-fetch.js';

/** How every connection of a download retries, times out and reaches the file host. */
export function attemptSettings(
  options: ResolvedDownloadOptions,
): Pick<PartDownload, 'stallTimeoutMs' | 'maxAttempts' | 'backoffMs' | 'sleep' | 'request'> {
  const backoff = { ...DEFAULT_RETRY, baseDelayMs: options.retryDelayMs, maxDelayMs: 5000 };
  return {
    stallTimeoutMs: options.stallTimeoutMs,
    maxAttempts: options.maxAttempts,
    backoffMs: (failures) => backoffDelayMs(failures, backoff, options.random),
    sleep: options.sleep,
    request: options.request,
  };
}
