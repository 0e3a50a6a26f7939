import { createServer } from 'node:net';
import type { Readable } from 'node:stream';
import { type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sandboxOptions } from '../../test/sandbox.js';
import { type Client, createClient } from '../client.js';
import { InvalidInputError } from '../errors/index.js';
import { requestFileHost } from './file-host-request.js';

// The transport alone, against the sandbox's file host on loopback.
let sb: Sandbox;
let client: Client;
let stackUid: string;
let backupId: number;

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function freshUrl(): Promise<string> {
  return (await client.files.get(stackUid, backupId, 'tar-aa')).publicUrl;
}

beforeAll(async () => {
  sb = await startSandbox(sandboxOptions({ splitThresholdBytes: 256 * 1024 }));
  client = createClient({ token: sb.token, baseUrl: sb.apiUrl, retry: { baseDelayMs: 5 } });
  stackUid = sb.createStack({ name: 'transport', backups: 0 }).uid;
  const [backup] = sb.addBackups(stackUid, { dbType: 'mysql', count: 1, sizeBytes: 600_000 });
  backupId = backup?.id ?? 0;
});
afterAll(() => sb.close());
afterEach(() => sb.faults.clear());

describe('requestFileHost', () => {
  it('answers a Range request with its status, headers in any case and a Node stream body', async () => {
    const response = await requestFileHost(await freshUrl(), {
      headers: { range: 'bytes=1000-1999', 'accept-encoding': 'identity' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('Content-Range')).toBe('bytes 1000-1999/262144');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(response.headers.get('x-not-there')).toBeNull();
    const expected = await readAll(sb.expectedFileContent(stackUid, backupId, 'tar-aa'));
    expect((await readAll(response.body)).equals(expected.subarray(1000, 2000))).toBe(true);
  });

  it('answers a HEAD with the length and an empty body', async () => {
    const response = await requestFileHost(await freshUrl(), { method: 'HEAD', headers: {} });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('262144');
    expect(await readAll(response.body)).toHaveLength(0);
  });

  it('fails the body with the abort reason when aborted mid-body', async () => {
    sb.faults.inject({ route: 'download', kind: 'stall', afterBytes: 10_000, ms: 60_000 });
    const controller = new AbortController();
    const response = await requestFileHost(await freshUrl(), {
      headers: {},
      signal: controller.signal,
    });
    const reading = readAll(response.body);
    setTimeout(() => controller.abort(new Error('stop now')), 50);
    await expect(reading).rejects.toThrow('stop now');
  });

  it('rejects at once for a signal already aborted', async () => {
    const before = sb.requests.length;
    await expect(
      requestFileHost(await freshUrl(), {
        headers: {},
        signal: AbortSignal.abort(new Error('cancelled')),
      }),
    ).rejects.toThrow('cancelled');
    expect(sb.requests.length).toBe(before + 1); // only the files.get
  });

  it('refuses what is not an http(s) URL without showing its query string', async () => {
    for (const url of ['ftp://host/x?Signature=s3cr3tvalue', 'not a url?Signature=s3cr3tvalue']) {
      const error = await requestFileHost(url, { headers: {} }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(String(error)).not.toContain('s3cr3tvalue');
    }
  });

  it('fails a refused connection without the query string in the error', async () => {
    const port = await closedPort();
    const error = await requestFileHost(`http://127.0.0.1:${port}/x?Signature=s3cr3tvalue`, {
      headers: {},
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(JSON.stringify({ ...(error as object), message: String(error) })).not.toContain(
      's3cr3tvalue',
    );
  });
});

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}
