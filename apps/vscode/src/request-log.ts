import { formatRequestEvent, type RequestEvent } from '@c66-backup/core';
import type { Log } from './host.js';

/**
 * The core's line per HTTP attempt, a warning when no answer came or it was an error. The
 * event carries the API path only (never the token, never a presigned download URL).
 */
export function logRequest(log: Log, event: RequestEvent): void {
  const line = formatRequestEvent(event);
  if (event.status === undefined || event.status >= 400) log.warn(line);
  else log.info(line);
  if (event.warning) log.warn(`Cloud 66 warning: ${event.warning}`);
}
