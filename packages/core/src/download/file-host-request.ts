import type { IncomingMessage, RequestOptions } from 'node:http';
import type { Readable } from 'node:stream';
import { InvalidInputError } from '../errors/index.js';
import { redactUrl } from '../redact.js';

/** What the engine needs of a file host answer. */
export interface FileHostResponse {
  status: number;
  headers: { get(name: string): string | null };
  /** The body as a Node stream; destroy it to drop the rest. */
  body: Readable;
}

export interface FileHostRequestInit {
  method?: 'GET' | 'HEAD';
  headers: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/** One request to the file host (a presigned URL); the engine's seam for tests. */
export type FileHostRequest = (url: string, init: FileHostRequestInit) => Promise<FileHostResponse>;

/**
 * How much of a body may wait in memory for the disk. Larger than the 16 KiB default so
 * writes are batched (fewer syscalls) while the socket keeps reading; still bounded.
 */
const READ_HIGH_WATER_MARK = 1024 * 1024;

/**
 * The file host transport: `node:http(s)` with the body as a Node stream. Node's global
 * fetch costs about twice the CPU per byte (web streams) and a higher memory peak.
 * Sockets come from the global agents (keep-alive by default since Node 19, and where
 * a host app such as VS Code installs its proxy support). Errors never carry the URL's
 * query string: the messages of `node:http` name at most the host.
 */
export const requestFileHost: FileHostRequest = (url, { method = 'GET', headers, signal }) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const target = parseUrl(url);
    if (target instanceof Error) {
      reject(target);
      return;
    }
    // Loaded with the first download, not at import: `node:https` brings TLS, a start-up cost.
    const send =
      target.protocol === 'https:'
        ? process.getBuiltinModule('node:https').request
        : process.getBuiltinModule('node:http').request;
    let response: IncomingMessage | undefined;
    // `highWaterMark` (Node >= 20.1) is missing from @types/node's RequestOptions.
    const options: RequestOptions & { highWaterMark: number } = {
      method,
      headers,
      highWaterMark: READ_HIGH_WATER_MARK,
    };
    const req = send(target, options);
    // Handled here rather than by request()'s own `signal`, so an abort while the body
    // streams surely destroys the body too.
    const onAbort = () => {
      req.destroy(signal?.reason);
      response?.destroy(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    req.once('close', () => signal?.removeEventListener('abort', onAbort));
    req.on('error', (error) => {
      // After the answer arrived the failure belongs to the body (a reset mid-stream).
      if (response) response.destroy(error);
      else reject(error);
    });
    req.once('response', (res) => {
      response = res;
      // A reset while the caller is still checking the headers must not crash the
      // process; the caller's pipeline or reader sees the stream errored all the same.
      res.on('error', () => undefined);
      resolve({ status: res.statusCode ?? 0, headers: headersOf(res), body: res });
    });
    req.end();
  });

function parseUrl(url: string): URL | Error {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return new InvalidInputError(`the file host URL is not a URL: ${redactUrl(url)}`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return new InvalidInputError(`the file host URL is not http(s): ${redactUrl(url)}`);
  }
  return target;
}

function headersOf(res: IncomingMessage): FileHostResponse['headers'] {
  return {
    get(name) {
      const value = res.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}
