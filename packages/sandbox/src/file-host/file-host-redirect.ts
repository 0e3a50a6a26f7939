import type { ServerResponse } from 'node:http';
import type { Fault } from '../faults/fault-types.js';
import {
  canonicalFileHostPath,
  FILE_HOST_MIRROR_PREFIX,
  FILE_HOST_PREFIX,
} from './file-host-paths.js';
import { sendS3Error } from './s3-errors.js';

const HOP_PARAM = 'x-sandbox-hop';

/**
 * Answers a redirect as S3 does (`<Code>TemporaryRedirect</Code>` and a `Location`): to
 * the mirror path with the same query plus a hop counter (so every hop is a new URL),
 * or with `loop` to the very URL asked.
 */
export function sendRedirect(
  res: ServerResponse,
  url: URL,
  origin: string,
  fault: Extract<Fault, { kind: 'redirect' }>,
  requestId: string,
): void {
  const status = fault.status ?? 307;
  let location: string;
  if (fault.loop) {
    location = `${origin}${url.pathname}${url.search}`;
  } else {
    const hop = Number(url.searchParams.get(HOP_PARAM) ?? 0) + 1;
    // Keep the raw query (its signature is encoded as the client sent it).
    const query = url.search.replace(/^\?/, '').replace(new RegExp(`&?${HOP_PARAM}=\\d+`), '');
    const path =
      FILE_HOST_MIRROR_PREFIX + canonicalFileHostPath(url.pathname).slice(FILE_HOST_PREFIX.length);
    location = `${origin}${path}?${query}${query ? '&' : ''}${HOP_PARAM}=${hop}`;
  }
  const code = status === 301 ? 'PermanentRedirect' : 'TemporaryRedirect';
  sendS3Error(
    res,
    status,
    requestId,
    code,
    'Please re-send this request to the specified temporary endpoint.',
    { Endpoint: new URL(origin).host },
    { Location: location },
  );
}
