import { type DbTypeSelection, formatRequestEvent, type RequestEvent } from '@c66-backup/core';
import type { ActionLog } from './logging.js';

/**
 * The client's per-request hook: the core's line per HTTP attempt as a debug line (API path
 * and query, never headers), Cloud 66's `X-Cloud66-Warning` as a warning, and the state
 * change "queued" once the create request succeeds (Cloud 66 answers it with no id).
 */
export function requestLogger(log: ActionLog, dbTypes: () => DbTypeSelection) {
  return (event: RequestEvent): void => {
    log.debug(formatRequestEvent(event));
    if (event.warning) log.warning(`Cloud 66: ${event.warning}`);
    if (event.method === 'POST' && event.status !== undefined && event.status < 300) {
      const what = dbTypes();
      log.info(
        `Cloud 66 queued the backup of ${what === 'all' ? 'all databases' : what.join(', ')}`,
      );
    }
  };
}
