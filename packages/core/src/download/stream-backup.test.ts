import { type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../test/sha256.js';
import { type Client, createClient } from '../client.js';
import { AbortedError, DownloadFailedError } from '../errors/index.js';
import { OrderedStream } from './ordered-stream.js';
import { streamBackup } from './stream-backup.js';

const MiB = 1024 * 1024;
const PART = 65 * MiB; // above 64 MiB: a multipart ETag, fetched in ranges
let sb: Sandbox;
let client: Client;
let stackUid: string;
let backupId: number;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, splitThresholdBytes: PART });
  client = createClient({ token: sb.token, baseUrl: sb.apiUrl, retry: { baseDelayMs: 5 } });
  stackUid = sb.createStack({ name: 'stream', backups: 0 }).uid;
  backupId = sb.addBackups(stackUid, { dbType: 'mysql', sizeBytes: PART + 3 * MiB })[0]?.id ?? 0;
});
afterAll(() => sb.close());
afterEach(() => sb.faults.clear());

describe('streamBackup', () => {
  it('streams the joined backup in order from ranged connections, with its checks', async () => {
    const { stream, result } = streamBackup(client, stackUid, backupId, {
      connections: 4,
      reorderBytes: 8 * MiB,
      retryDelayMs: 1,
    });
    // A reset makes one span resume while the others run ahead into the reorder buffer.
    sb.faults.inject({
      route: 'download',
      kind: 'reset',
      afterBytes: MiB,
      match: { fileId: 'tar-aa' },
    });
    const got = await sha256(stream);
    expect(got).toBe(await sha256(sb.expectedBackupContent(stackUid, backupId)));
    const done = await result;
    expect(done.bytes).toBe(PART + 3 * MiB);
    expect(done.verified).toContain('size');
    expect(done.parts[1]?.verified).toContain('md5');
  });

  it('fails the stream and the result alike when a part cannot be had', async () => {
    sb.faults.inject({
      route: 'download',
      kind: 'reset',
      afterBytes: 0,
      times: 100,
      match: { fileId: 'tar-ab' },
    });
    const { stream, result } = streamBackup(client, stackUid, backupId, {
      retryDelayMs: 1,
      maxAttempts: 2,
    });
    const read = (async () => {
      for await (const _ of stream) {
        // drain
      }
    })();
    await expect(read).rejects.toBeInstanceOf(DownloadFailedError);
    await expect(result).rejects.toBeInstanceOf(DownloadFailedError);
  });

  it('stops on abort', async () => {
    const controller = new AbortController();
    const { stream, result } = streamBackup(client, stackUid, backupId, {
      signal: controller.signal,
    });
    const failed = new Promise((resolve) => stream.on('error', resolve));
    stream.once('data', () => controller.abort());
    stream.resume();
    await expect(result).rejects.toBeInstanceOf(AbortedError);
    expect(await failed).toBeInstanceOf(AbortedError);
  });
});

describe('OrderedStream', () => {
  it('puts writes that come in any order out in order, holding at most its limit ahead', async () => {
    const sink = new OrderedStream('test', 4);
    const chunks: Buffer[] = [];
    sink.readable.on('data', (c: Buffer) => chunks.push(c));
    const b = (s: string) => Buffer.from(s);
    const late = sink.handle.writev([b('cd')], 2); // ahead: buffered (2 of 4)
    const later = sink.handle.writev([b('efg')], 4); // 2 + 3 > 4: waits for room
    let laterDone = false;
    void later.then(() => {
      laterDone = true;
    });
    await late;
    await new Promise((r) => setImmediate(r));
    expect(laterDone).toBe(false);
    await sink.handle.writev([b('ab')], 0); // the cursor: out at once, and 'cd' after it
    await later;
    await sink.commit(7);
    expect(Buffer.concat(chunks).toString()).toBe('abcdefg');
    await expect(sink.truncate(3)).rejects.toThrow(/cannot be taken back/);
  });
});
