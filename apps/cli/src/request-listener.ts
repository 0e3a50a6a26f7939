import type { RequestEvent } from '@c66-backup/core';
import type { OutputStream } from './deps.js';

/**
 * The core's `onRequest` hook: prints each distinct `X-Cloud66-Warning` once (as Cloud 66's
 * own toolbelt does) and, with `--debug`, one line per HTTP attempt. Events hold the API
 * path and query only: never the token, and file-host (presigned) URLs are not API requests.
 */
export function requestListener(
  stderr: OutputStream,
  opts: { debug: boolean },
): (event: RequestEvent) => void {
  const warned = new Set<string>();
  return (event) => {
    if (opts.debug) {
      const status = event.status === undefined ? 'no answer' : String(event.status);
      const retry = event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
      stderr.write(
        `debug: ${event.method} ${event.path} -> ${status} in ${event.durationMs} ms, request id ${event.requestId}${retry}\n`,
      );
    }
    if (event.warning && !warned.has(event.warning)) {
      warned.add(event.warning);
      stderr.write(`warning: ${event.warning}\n`);
    }
  };
}
