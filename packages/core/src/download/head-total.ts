import { anySignal } from '../sleep.js';
import { parseContentLength } from './file-host-response.js';
import type { ResolvedDownloadOptions } from './options.js';

/**
 * The size of a multi-part download before it starts, from a HEAD per part, for
 * progress only (nothing is verified against it). Each HEAD uses its own fresh URL,
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
      const response = await options.request(await urlOf(), {
        method: 'HEAD',
        headers: { 'accept-encoding': 'identity' },
        signal: anySignal(options.signal, AbortSignal.timeout(options.stallTimeoutMs)),
      });
      // Read to its (empty) end so the socket goes back to the pool.
      response.body.resume();
      const length = parseContentLength(response.headers.get('content-length'));
      if (response.status !== 200 || length === undefined) return undefined;
      total += length;
    } catch {
      return undefined;
    }
  }
  return total;
}
