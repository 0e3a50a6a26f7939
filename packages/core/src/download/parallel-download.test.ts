import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedRequest, type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../test/sha256.js';
import { type Client, createClient } from '../client.js';
import { AbortedError, CallbackError, IntegrityError } from '../errors/index.js';
import { downloadBackup } from './download-backup.js';
import type { PartialRecord } from './partial-record.js';
import type { DownloadProgress } from './progress.js';
import type { DownloadRetry } from './retry-event.js';

// Parts above 64 MiB get multipart ETags (not MD5s) from the sandbox, like S3: those are
// fetched in ranges. The backup: tar-aa (65 MiB, ranged in 8 MiB spans), tar-ab (1 MiB, MD5).
const MiB = 1024 * 1024;
const PART = 65 * MiB;
const SIZE = PART + MiB;
const SPAN = 8 * MiB;
let sb: Sandbox;
let client: Client;
let stackUid: string;
let backupId: number;
let dir: string;
let name: string;
const fast = { retryDelayMs: 1, stallTimeoutMs: 5000, spanBytes: SPAN, connections: 4 };

beforeAll(async () => {
  sb = await startSandbox({ port: 0, splitThresholdBytes: PART });
  client = createClient({ token: sb.token, baseUrl: sb.apiUrl, retry: { baseDelayMs: 5 } });
  stackUid = sb.createStack({ name: 'parallel', backups: 0 }).uid;
  backupId = sb.addBackups(stackUid, { dbType: 'mysql', sizeBytes: SIZE })[0]?.id ?? 0;
  name = (await client.files.list(stackUid, backupId).toArray())[0]?.name.replace(/-aa$/, '') ?? '';
});
afterAll(() => sb.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c66-par-'));
  sb.clearRequests();
});
afterEach(async () => {
  sb.faults.clear();
  await rm(dir, { recursive: true, force: true });
});

const expected = () => sha256(sb.expectedBackupContent(stackUid, backupId));
const gets = (part: string): RecordedRequest[] =>
  sb.requests.filter(
    (r) => r.method === 'GET' && r.path.startsWith('/s3/') && r.path.endsWith(`-${part}`),
  );
const ranges = (part: string) => gets(part).map((r) => r.headers.range as string | undefined);
const spanRanges = () =>
  Array.from({ length: Math.ceil(PART / SPAN) }, (_, i) => {
    const to = Math.min(PART, (i + 1) * SPAN) - 1;
    return `bytes=${i * SPAN}-${to}`;
  });

describe('downloadBackup with several connections', () => {
  it('fetches ranges of a large part and an MD5 part whole, joined byte for byte', async () => {
    const seen: DownloadProgress[] = [];
    const result = await downloadBackup(client, stackUid, backupId, {
      dir,
      ...fast,
      onProgress: (p) => seen.push(p),
    });
    expect(result.bytes).toBe(SIZE);
    expect(await sha256(createReadStream(result.path))).toBe(await expected());
    // Every span once, each with its end; the MD5 part in one plain GET, and verified.
    expect(ranges('aa').sort()).toEqual(spanRanges().sort());
    expect(ranges('ab')).toEqual([undefined]);
    expect(result.parts[1]?.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(result.parts[0]?.md5).toBeUndefined();
    // One presigned URL per part, shared by its spans.
    expect(sb.requests.filter((r) => r.path.endsWith('/files/tar-aa'))).toHaveLength(2); // HEAD + GETs
    // Progress: all connections in one count, monotonic, ending at the total.
    const bytes = seen.map((p) => p.bytes);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ bytes: SIZE, totalBytes: SIZE, connections: 4 });
    expect(await readdir(dir)).toEqual([name]);
  });

  it('resumes a reset span at the byte it reached, with its end kept', async () => {
    sb.faults.inject({
      route: 'download',
      kind: 'reset',
      afterBytes: 3 * MiB,
      match: { fileId: 'tar-aa' },
    });
    const retries: DownloadRetry[] = [];
    const result = await downloadBackup(client, stackUid, backupId, {
      dir,
      ...fast,
      onRetry: (r) => retries.push(r),
    });
    expect(await sha256(createReadStream(result.path))).toBe(await expected());
    expect(retries).toHaveLength(1);
    const [from, to] = (/bytes=(\d+)-(\d+)/.exec(ranges('aa')[0] ?? '') ?? []).slice(1).map(Number);
    // The resume starts at the byte that reached the disk (what the reset let through) and
    // ends where the span did: nothing fetched twice, nothing past the span.
    const reached = retries[0]?.bytesReached ?? -1;
    expect(reached).toBeGreaterThan(from ?? 0);
    expect(reached).toBeLessThanOrEqual((from ?? 0) + 3 * MiB);
    expect(ranges('aa')).toContain(`bytes=${reached}-${to}`);
    expect(ranges('aa')).toHaveLength(spanRanges().length + 1);
  });

  it('renews an expired URL once for all the spans of its part', async () => {
    sb.faults.inject({
      route: 'download',
      kind: 'status',
      status: 403,
      error: 'AccessDenied',
      times: 2,
      match: { fileId: 'tar-aa' },
    });
    const result = await downloadBackup(client, stackUid, backupId, { dir, ...fast });
    expect(await sha256(createReadStream(result.path))).toBe(await expected());
    const asked = sb.requests.filter((r) => r.path.endsWith('/files/tar-aa'));
    expect(asked.length).toBeLessThanOrEqual(4); // the HEAD's, the first GETs', at most two renewals
  });

  it('backs the connections off on 503 SlowDown instead of failing', async () => {
    sb.faults.inject({
      route: 'download',
      kind: 'status',
      status: 503,
      error: 'SlowDown',
      times: 3,
      match: { fileId: 'tar-aa' },
    });
    const seen: DownloadProgress[] = [];
    const result = await downloadBackup(client, stackUid, backupId, {
      dir,
      ...fast,
      onProgress: (p) => seen.push(p),
    });
    expect(await sha256(createReadStream(result.path))).toBe(await expected());
    expect(Math.min(...seen.map((p) => p.connections))).toBeLessThan(4);
    expect(Math.min(...seen.map((p) => p.connections))).toBeGreaterThanOrEqual(1);
  });

  it('refuses a corrupt MD5 part, leaving nothing behind', async () => {
    sb.faults.inject({
      route: 'download',
      kind: 'corrupt',
      atByte: 1000,
      match: { fileId: 'tar-ab' },
    });
    const error = await downloadBackup(client, stackUid, backupId, { dir, ...fast }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toContain('-ab');
    expect(await readdir(dir)).toEqual([]);
  });

  it('stops every connection when the onProgress callback throws, without retrying', async () => {
    const error = await downloadBackup(client, stackUid, backupId, {
      dir,
      ...fast,
      onProgress: () => {
        throw new Error('ui went away');
      },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(CallbackError);
    const all = [...ranges('aa'), ...ranges('ab')];
    expect(new Set(all).size).toBe(all.length);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('cancel and resume with several connections', () => {
  /** Cancels while one span is stalled and the others are done, keeping the .part. */
  async function cancelWithHoles(): Promise<number> {
    sb.faults.inject({
      route: 'download',
      kind: 'stall',
      afterBytes: MiB,
      ms: 30_000,
      match: { fileId: 'tar-aa' },
    });
    const controller = new AbortController();
    let abortedAt = 0;
    const download = downloadBackup(client, stackUid, backupId, {
      dir,
      ...fast,
      keepPartial: true,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytes >= SIZE - SPAN + MiB && !abortedAt) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    await expect(download).rejects.toBeInstanceOf(AbortedError);
    const took = performance.now() - abortedAt;
    sb.faults.clear();
    sb.clearRequests();
    return took;
  }

  it('cancels promptly with a connection stalled, leaving no target', async () => {
    const took = await cancelWithHoles();
    // Generous for a shared machine; the stall alone would hold it for 30 s.
    expect(took).toBeLessThan(2000);
    const left = (await readdir(dir)).sort();
    expect(left).toEqual([`${name}.part`, `${name}.part.json`]);
  });

  it('resumes only the missing ranges from the record, byte for byte', async () => {
    await cancelWithHoles();
    const record = JSON.parse(
      await readFile(join(dir, `${name}.part.json`), 'utf8'),
    ) as PartialRecord;
    expect(record.ranges?.length).toBeGreaterThan(1); // a hole where the stalled span was
    const result = await downloadBackup(client, stackUid, backupId, { dir, ...fast, resume: true });
    expect(await sha256(createReadStream(result.path))).toBe(await expected());
    const fetched = ranges('aa').map((r) =>
      (/bytes=(\d+)-(\d+)/.exec(r ?? '') ?? []).slice(1).map(Number),
    );
    for (const [from, to] of fetched) {
      const inside = record.ranges?.some(([a, b]) => (from ?? 0) >= a && (to ?? 0) < b);
      expect(inside).toBe(false);
    }
    expect(fetched.reduce((sum, [a, b]) => sum + (b ?? 0) - (a ?? 0) + 1, 0)).toBeLessThan(
      PART / 2,
    );
    expect(await readdir(dir)).toEqual([name]);
  });
});
