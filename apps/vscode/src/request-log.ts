import type { RequestEvent } from '@c66-backup/core';
import type { Log } from './host.js';

/**
 * One line per HTTP attempt: `GET /stacks/abc/backups?page=2 200 41 ms`. The core's event
 * carries the API path only (never the token, never a presigned download URL).
 */
export function logRequest(log: Log, event: RequestEvent): void {
  const status = event.status ?? 'no response';
  const retry = event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
  const line = `${event.method} ${event.path} ${status} ${Math.round(event.durationMs)} ms${retry}`;
  if (event.status === undefined || event.status >= 400) log.warn(line);
  else log.info(line);
  if (event.warning) log.warn(`Cloud 66 warning: ${event.warning}`);
}
