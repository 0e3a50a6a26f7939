import { ApiError } from './errors/index.js';

/** An explicit `ok: false` in a 2xx answer is a refusal, never a success. */
export function refuseNotOk<T extends { ok?: boolean | null; message?: unknown }>(
  endpoint: string,
  body: T,
): T {
  if (body.ok !== false) return body;
  const said = typeof body.message === 'string' && body.message ? `: ${body.message}` : '';
  throw new ApiError(`${endpoint} answered ok: false${said}`, { status: 200, endpoint });
}
