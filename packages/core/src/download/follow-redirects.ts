import { FileHostRedirectError } from '../errors/index.js';
import { redactUrl } from '../redact.js';
import type {
  FileHostRequest,
  FileHostRequestInit,
  FileHostResponse,
} from './file-host-request.js';

/** Redirects followed for one request before giving up (S3 needs one; CDNs a few). */
export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One file host request, following 301, 302, 303, 307 and 308 (an S3 regional endpoint,
 * a CDN, a moved bucket) up to `maxHops`, with the same headers (`Range` included) and
 * method (303 turns a GET into a GET, a HEAD stays HEAD). A loop, too many hops, a
 * missing `Location` or a step down from https to http is a {@link FileHostRedirectError};
 * URLs in it are redacted. Each attempt starts from the original URL again: a 307 is
 * temporary, and a presigned URL is the one thing known to be valid.
 */
export async function requestFollowingRedirects(
  request: FileHostRequest,
  url: string,
  init: FileHostRequestInit,
  part: string,
  maxHops = MAX_REDIRECTS,
): Promise<FileHostResponse> {
  let current = url;
  let method = init.method ?? 'GET';
  const visited = new Set([normalise(url)]);
  for (let hops = 0; ; hops++) {
    const response = await request(current, { ...init, method });
    if (!REDIRECTS.has(response.status)) return response;
    response.body.resume(); // a few bytes of XML: drained so the socket can be reused
    const fail = (problem: FileHostRedirectError['problem'], message: string) =>
      new FileHostRedirectError(message, part, problem, hops, { status: response.status });
    const location = response.headers.get('location');
    let next: URL | undefined;
    try {
      next = location ? new URL(location, current) : undefined;
    } catch {
      next = undefined;
    }
    if (!next || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
      throw fail(
        'no-location',
        `the file host answered ${response.status} for ${JSON.stringify(part)} without a usable Location`,
      );
    }
    const where = redactUrl(next);
    if (new URL(current).protocol === 'https:' && next.protocol === 'http:') {
      throw fail(
        'insecure',
        `the file host redirected ${JSON.stringify(part)} from https to ${where}`,
      );
    }
    if (visited.has(next.href)) {
      throw fail(
        'loop',
        `the file host's redirects for ${JSON.stringify(part)} loop (back to ${where})`,
      );
    }
    if (hops + 1 > maxHops) {
      throw fail(
        'too-many-hops',
        `the file host redirected ${JSON.stringify(part)} more than ${maxHops} times (next: ${where})`,
      );
    }
    visited.add(next.href);
    current = next.href;
    if (response.status === 303 && method !== 'HEAD') method = 'GET';
  }
}

function normalise(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
