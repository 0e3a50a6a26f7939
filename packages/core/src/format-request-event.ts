import type { RequestEvent } from './http.js';

/**
 * One line for one HTTP attempt:
 * `GET /stacks?page=1 -> 200 in 12 ms, request id 6b1f... (attempt 2)`. Built from the
 * event alone, which holds the API path and query only: no header, no token, and never a
 * presigned file-host URL (downloads are not API requests). Apps choose level and prefix.
 */
export function formatRequestEvent(event: RequestEvent): string {
  const status = event.status === undefined ? 'no answer' : String(event.status);
  const retry = event.attempt > 1 ? ` (attempt ${event.attempt})` : '';
  return `${event.method} ${event.path} -> ${status} in ${Math.round(event.durationMs)} ms, request id ${event.requestId}${retry}`;
}
