import type { RequestEvent } from '@c66-backup/core';
import type { ActionLog } from './logging.js';

/**
 * The client's per-request hook: a debug line per HTTP attempt (method, API path and query,
 * status; never headers), Cloud 66's `X-Cloud66-Warning` as a warning, and the state change
 * "queued" once the create request succeeds (Cloud 66 answers it with no id).
 */
export function requestLogger(log: ActionLog, dbTypes: () => readonly string[]) {
  return (event: RequestEvent): void => {
    const status = event.status ?? 'no answer';
    log.debug(
      `${event.method} ${event.path} -> ${status} in ${event.durationMs} ms (try ${event.attempt})`,
    );
    if (event.warning) log.warning(`Cloud 66: ${event.warning}`);
    if (event.method === 'POST' && event.status !== undefined && event.status < 300) {
      const what = dbTypes().join(', ');
      log.info(`Cloud 66 queued the backup of ${what === 'all' ? 'all databases' : what}`);
    }
  };
}
