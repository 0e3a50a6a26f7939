import { anySignal } from '../sleep.js';
import { parseContentLength } from './file-host-response.js';
import { requestFollowingRedirects } from './follow-redirects.js';
import type { ResolvedDownloadOptions } from './options.js';

/**
 * The size of a multi-part download before it starts, from a HEAD per part, for
 * progress and to fail early when it cannot match `backup_size`. Each HEAD uses its own fresh URL,
 * thrown away after: the part's download asks for another, so none can expire while
 * earlier parts stream. Best effort: any failure means "total unknown for now".
 */
export async function headTotal(
  urls: readonly (() => Promise<string>)[],
  options: Pick<ResolvedDownloadOptions, 'request' | 'signal' | 'stallTimeoutMs'>,
): Promise<number | undefined> {
  let total = 0;
  for (const urlOf of urls) {
    if (options.signal?.aborted) return undefined;
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
      // An S3 error page sent as a 200 says nothing about the object's size.
      const xml = /xml/i.test(response.headers.get('content-type') ?? '');
      if (response.status !== 200 || length === undefined || xml) return undefined;
      total += length;
    } catch {
      return undefined;
    }
  }
  return total;
}
