import type { RequestEvent } from '@c66-backup/core';
import type { OutputStream } from './deps.js';

/**
 * The core's `onRequest` hook for `--debug`: one stderr line per HTTP attempt. The event
 * holds the API path and query only (never the token; file-host URLs are not API requests).
 */
export function debugRequestLogger(stderr: OutputStream): (event: RequestEvent) => void {
  return (event) => {
    const status = event.status === undefined ? 'no answer' : String(event.status);
    const retry = event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
    stderr.write(
      `debug: ${event.method} ${event.path} -> ${status} in ${event.durationMs} ms, request id ${event.requestId}${retry}\n`,
    );
  };
}

/** Prints each distinct `X-Cloud66-Warning` once, as Cloud 66's own toolbelt does. */
export function warningPrinter(stderr: OutputStream): (event: RequestEvent) => void {
  const seen = new Set<string>();
  return (event) => {
    if (!event.warning || seen.has(event.warning)) return;
    seen.add(event.warning);
    stderr.write(`warning: ${event.warning}\n`);
  };
}
