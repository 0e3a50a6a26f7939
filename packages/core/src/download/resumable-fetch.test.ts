import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { type Sandbox, type SandboxOptions, startSandbox } from '@c66-backup/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sandboxOptions } from '../../test/sandbox.js';
import { sha256 } from '../../test/sha256.js';
import { type Client, createClient } from '../client.js';
import { DownloadFailedError, FileHostError } from '../errors/index.js';
import { downloadBackup } from './download-backup.js';
import { type FileHostRequest, requestFileHost } from './file-host-request.js';
import type { DownloadRetry } from './retry-event.js';

// Resumes, retries and refusals of the file host, each against a fault of the sandbox.
const PART = 256 * 1024;
let sb: Sandbox;
let client: Client;
let stackUid: string;
let dir: string;
let clockOffsetMs = 0;

async function start(options: SandboxOptions = {}) {
  sb = await startSandbox(sandboxOptions({ splitThresholdBytes: PART, ...options }));
  client = createClient({ token: sb.token, baseUrl: sb.apiUrl, retry: { baseDelayMs: 5 } });
  stackUid = sb.createStack({ name: 'resume', backups: 0 }).uid;
  const [backup] = sb.addBackups(stackUid, {
    dbType: 'mysql',
    count: 1,
    sizeBytes: 3 * PART + 777,
  });
  return backup?.id ?? 0;
}

async function expectExact(path: string, backupId: number) {
  expect(await sha256(createReadStream(path))).toBe(
    await sha256(sb.expectedBackupContent(stackUid, backupId)),
  );
}

/** The file host GETs for one part, oldest first (not the HEADs that size parts up front). */
function downloadsOf(fileName: string) {
  return sb.requests.filter(
    (r) => r.method === 'GET' && r.path.startsWith('/s3/') && r.path.endsWith(`/${fileName}`),
  );
}

/** URL requests for one part, less the one for the HEAD that sizes the parts up front. */
function urlRequestsOf(fileId: string) {
  return sb.requests.filter((r) => r.path.endsWith(`/files/${fileId}`)).slice(1);
}

async function partName(backupId: number, fileId: string): Promise<string> {
  const files = await client.files.list(stackUid, backupId).toArray();
  return files.find((f) => f.id === fileId)?.name ?? '';
}

// These follow one connection's requests; the parallel path's are in parallel-download.test.ts.
const fast = { retryDelayMs: 1, stallTimeoutMs: 2000, connections: 1 };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c66-resume-'));
  clockOffsetMs = 0;
});
afterEach(async () => {
  await sb.close();
  await rm(dir, { recursive: true, force: true });
});

describe('resuming a part', () => {
  it('resumes with Range after a connection reset mid-part', async () => {
    const id = await start();
    const name = await partName(id, 'tar-ab');
    sb.faults.inject({
      route: 'download',
      kind: 'reset',
      afterBytes: 100_000,
      match: { fileId: 'tar-ab' },
    });
    const retries: DownloadRetry[] = [];
    const result = await downloadBackup(client, stackUid, id, {
      dir,
      ...fast,
      onRetry: (event) => retries.push(event),
    });
    await expectExact(result.path, id);
    const tries = downloadsOf(name);
    expect(tries.length).toBe(2);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ part: name, attempt: 1 });
    expect(tries[1]?.headers.range).toBe(`bytes=${retries[0]?.bytesReached}-`);
  });

  it('drops a stalled connection after stallTimeoutMs and resumes at the byte it reached', async () => {
    const id = await start();
    const name = await partName(id, 'tar-ab');
    sb.faults.inject({
      route: 'download',
      kind: 'stall',
      afterBytes: 100_000,
      ms: 60_000,
      match: { fileId: 'tar-ab' },
    });
    const result = await downloadBackup(client, stackUid, id, {
      dir,
      ...fast,
      stallTimeoutMs: 1000,
    });
    await expectExact(result.path, id);
    expect(downloadsOf(name).map((r) => r.headers.range)).toEqual([undefined, 'bytes=100000-']);
  });

  it('gets a fresh URL when the old one expired mid-part, and continues at the same byte', async () => {
    const id = await start({ urlTtlSeconds: 60, now: () => Date.now() + clockOffsetMs });
    const name = await partName(id, 'tar-ab');
    sb.faults.inject({
      route: 'download',
      kind: 'stall',
      afterBytes: 100_000,
      ms: 60_000,
      match: { fileId: 'tar-ab' },
    });
    const retries: DownloadRetry[] = [];
    const result = await downloadBackup(client, stackUid, id, {
      dir,
      ...fast,
      stallTimeoutMs: 1000,
      onRetry: (event) => retries.push(event),
      // Two minutes pass during the backoff: the URL of tar-ab is now expired.
      sleep: async () => {
        clockOffsetMs += 120_000;
      },
    });
    await expectExact(result.path, id);
    expect(retries.map((r) => [r.error.name, r.bytesReached])).toEqual([
      ['DownloadStalledError', 100_000],
      ['UrlRefused', 100_000],
    ]);
    expect(urlRequestsOf('tar-ab')).toHaveLength(2);
    expect(downloadsOf(name).map((r) => r.headers.range)).toEqual([
      undefined,
      'bytes=100000-',
      'bytes=100000-',
    ]);
  });

  it('resumes a body truncated before its Content-Length', async () => {
    const id = await start();
    const name = await partName(id, 'tar-ac');
    sb.faults.inject({
      route: 'download',
      kind: 'truncate',
      afterBytes: 50_000,
      match: { fileId: 'tar-ac' },
    });
    const result = await downloadBackup(client, stackUid, id, { dir, ...fast });
    await expectExact(result.path, id);
    expect(downloadsOf(name).at(-1)?.headers.range).toMatch(/^bytes=\d+-$/);
  });

  it('gives up after maxAttempts without progress, leaving nothing behind', async () => {
    const id = await start();
    sb.faults.inject({
      route: 'download',
      kind: 'truncate',
      afterBytes: 0,
      times: Number.POSITIVE_INFINITY,
      match: { fileId: 'tar-ab' },
    });
    const error = await downloadBackup(client, stackUid, id, {
      dir,
      ...fast,
      maxAttempts: 3,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadFailedError);
    expect(error).toMatchObject({
      code: 'DOWNLOAD_FAILED',
      part: await partName(id, 'tar-ab'),
      attempts: 3,
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('retries a 5xx from the file host', async () => {
    const id = await start();
    sb.faults.inject({ route: 'download', kind: 'status', status: 503, times: 2 });
    const result = await downloadBackup(client, stackUid, id, { dir, ...fast });
    await expectExact(result.path, id);
  });
});

describe('the URL request', () => {
  it('survives a 500 on the files.get request (retried by the client)', async () => {
    const id = await start();
    sb.faults.inject({
      route: 'files.get',
      kind: 'status',
      status: 500,
      match: { fileId: 'tar-ab' },
    });
    const result = await downloadBackup(client, stackUid, id, { dir, ...fast });
    await expectExact(result.path, id);
    expect(urlRequestsOf('tar-ab')).toHaveLength(2);
  });
});

describe('S3 error pages', () => {
  it('never saves a 403 error page: a fresh URL gets the real bytes', async () => {
    const id = await start();
    sb.faults.inject({
      route: 'download',
      kind: 'status',
      status: 403,
      match: { fileId: 'tar-aa' },
    });
    const result = await downloadBackup(client, stackUid, id, { dir, ...fast });
    await expectExact(result.path, id);
    expect((await readFile(result.path)).includes('<Error>')).toBe(false);
  });

  it('fails with FileHostError when access stays denied, and writes nothing', async () => {
    const id = await start();
    sb.faults.inject({
      route: 'download',
      kind: 'status',
      status: 403,
      times: Number.POSITIVE_INFINITY,
    });
    const error = await downloadBackup(client, stackUid, id, { dir, ...fast }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileHostError);
    expect(error).toMatchObject({ status: 403, s3Code: 'AccessDenied' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses an XML error page served with status 200', async () => {
    const id = await start();
    sb.faults.inject({
      route: 'download',
      kind: 'status',
      status: 200,
      body: '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>x</Message></Error>',
      headers: { 'Content-Type': 'application/xml' },
      // The HEAD sizing the parts gets it too (and ignores it as a size); then the GET.
      times: Number.POSITIVE_INFINITY,
      match: { fileId: 'tar-aa' },
    });
    const error = await downloadBackup(client, stackUid, id, { dir, ...fast }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileHostError);
    expect(error).toMatchObject({ s3Code: 'AccessDenied' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the token and the URL signature out of errors', async () => {
    const id = await start();
    sb.faults.inject({
      route: 'download',
      kind: 'reset',
      afterBytes: 0,
      times: Number.POSITIVE_INFINITY,
    });
    const error = await downloadBackup(client, stackUid, id, {
      dir,
      ...fast,
      maxAttempts: 2,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadFailedError);
    const { publicUrl } = await client.files.get(stackUid, id, 'tar-aa');
    const signature = new URL(publicUrl).searchParams.get('Signature') ?? '';
    const shown = [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      (error as Error).stack ?? '',
    ].join('\n');
    expect(signature.length).toBeGreaterThan(10);
    for (const secret of [sb.token, 'Signature=', 'AWSAccessKeyId=', signature]) {
      expect(shown).not.toContain(secret);
    }
  });

  it('redacts the URL from whatever the file host transport throws', async () => {
    const id = await start();
    const seen: string[] = [];
    // A transport whose errors quote the whole presigned URL, as some HTTP stacks do.
    const leaky: FileHostRequest = async (url, init) => {
      seen.push(`${init.method ?? 'GET'} ${init.headers.range ?? ''}`);
      if (url.includes('tar-ab')) throw new Error(`socket hang up requesting ${url}`);
      return requestFileHost(url, init);
    };
    const retries: DownloadRetry[] = [];
    const error = await downloadBackup(client, stackUid, id, {
      dir,
      ...fast,
      maxAttempts: 2,
      request: leaky,
      onRetry: (event) => retries.push(event),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadFailedError);
    // The HEADs that size the parts (tar-ab's fails: sizes unknown, no harm), then
    // tar-aa whole, then two tries at tar-ab.
    expect(seen).toEqual(['HEAD ', 'HEAD ', 'GET ', 'GET ', 'GET ']);
    expect(retries).toHaveLength(1);
    const shown = [
      String(error),
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      ...retries.map((r) => inspect(r.error, { depth: 10 })),
    ].join('\n');
    expect(shown).toContain('socket hang up requesting http');
    expect(shown).toContain('?[redacted]');
    for (const secret of ['Signature=', 'AWSAccessKeyId=', 'Expires=']) {
      expect(shown).not.toContain(secret);
    }
    expect(await readdir(dir)).toEqual([]);
  });
});
