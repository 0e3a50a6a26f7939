import { formatRequestEvent, type RequestEvent } from '@c66-backup/core';
import type { OutputStream } from './deps.js';

/**
 * The core's `onRequest` hook: prints each distinct `X-Cloud66-Warning` once (as Cloud 66's
 * own toolbelt does) and, with `--debug`, the core's line for each HTTP attempt (API path
 * and query only: never the token, and file-host URLs are not API requests).
 */
export function requestListener(
  stderr: OutputStream,
  opts: { debug: boolean },
): (event: RequestEvent) => void {
  const warned = new Set<string>();
  return (event) => {
    if (opts.debug) stderr.write(`debug: ${formatRequestEvent(event)}\n`);
    if (event.warning && !warned.has(event.warning)) {
      warned.add(event.warning);
      stderr.write(`warning: ${event.warning}\n`);
    }
  };
}
