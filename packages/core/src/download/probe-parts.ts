import { anySignal } from '../sleep.js';
import { type Md5Unavailable, objectMd5 } from './etag.js';
import { parseContentLength } from './file-host-response.js';
import { requestFollowingRedirects } from './follow-redirects.js';
import type { ResolvedDownloadOptions } from './options.js';

/** What a HEAD told about one part before any byte of it moves. */
export interface PartProbe {
  length: number;
  etag: string | undefined;
  /** The MD5 the ETag vouches for, when S3's rules say it is one (the part is then hashed in order). */
  expectedMd5: string | undefined;
  md5Unavailable: Md5Unavailable | undefined;
}

/**
 * HEADs every part, `concurrency` at a time, each with a fresh URL of its own (thrown
 * away after, so none expires while earlier parts stream): a parallel download must know
 * every part's size and offset up front, and a sequential one checks the total early.
 * Best effort: undefined when any answer leaves a size unknown.
 */
export async function probeParts(
  urls: readonly (() => Promise<string>)[],
  options: Pick<ResolvedDownloadOptions, 'request' | 'signal' | 'stallTimeoutMs'>,
  concurrency: number,
): Promise<PartProbe[] | undefined> {
  const probes: (PartProbe | undefined)[] = urls.map(() => undefined);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < urls.length) {
      const index = next++;
      const urlOf = urls[index];
      const probe = urlOf && (await probe1(urlOf, options));
      if (probe) probes[index] = probe;
      else failed = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  if (failed || options.signal?.aborted) return undefined;
  return probes as PartProbe[];
}

async function probe1(
  urlOf: () => Promise<string>,
  options: Pick<ResolvedDownloadOptions, 'request' | 'signal' | 'stallTimeoutMs'>,
): Promise<PartProbe | undefined> {
  try {
    const init = {
      method: 'HEAD' as const,
      headers: { 'accept-encoding': 'identity' },
      signal: anySignal(options.signal, AbortSignal.timeout(options.stallTimeoutMs)),
    };
    const response = await requestFollowingRedirects(options.request, await urlOf(), init, '');
    // Read to its (empty) end so the socket goes back to the pool.
    response.body.resume();
    const length = parseContentLength(response.headers.get('content-length'));
    const xml = /xml/i.test(response.headers.get('content-type') ?? '');
    if (response.status !== 200 || length === undefined || xml) return undefined;
    const etag = response.headers.get('etag') ?? undefined;
    const md5 = objectMd5(response.headers);
    return { length, etag, expectedMd5: md5.md5, md5Unavailable: md5.unavailable };
  } catch {
    return undefined;
  }
}
