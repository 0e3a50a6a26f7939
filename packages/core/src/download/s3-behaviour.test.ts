import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../test/sha256.js';
import { type Client, createClient } from '../client.js';
import { FileHostRedirectError, IntegrityError } from '../errors/index.js';
import { describeChecks } from './describe-checks.js';
import { downloadBackup } from './download-backup.js';
import type { DownloadProgress } from './progress.js';

// What S3 really does: ETags that are not MD5s, redirects, sizes that disagree.
const PART = 256 * 1024;
let sb: Sandbox;
let client: Client;
let stackUid: string;
let dir: string;

const add = (sizeBytes: number) =>
  sb.addBackups(stackUid, { dbType: 'mysql', sizeBytes })[0]?.id ?? 0;
const exact = async (path: string, id: number) =>
  expect(await sha256(createReadStream(path))).toBe(
    await sha256(sb.expectedBackupContent(stackUid, id)),
  );
const fileHost = (prefix = '/s3') => sb.requests.filter((r) => r.path.startsWith(`${prefix}/`));

beforeAll(async () => {
  sb = await startSandbox({ port: 0, splitThresholdBytes: PART });
  client = createClient({ token: sb.token, baseUrl: sb.apiUrl, retry: { baseDelayMs: 5 } });
  stackUid = sb.createStack({ name: 's3', backups: 0 }).uid;
});
afterAll(() => sb.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c66-s3-'));
  sb.clearRequests();
});
afterEach(async () => {
  sb.faults.clear();
  await rm(dir, { recursive: true, force: true });
});

describe('integrity checks claim only what S3 lets them know', () => {
  it('a plain single-part object: size, MD5 and backup_size checked', async () => {
    const id = add(100_000);
    const result = await downloadBackup(client, stackUid, id, { dir });
    expect(result.verified).toEqual(['size', 'md5', 'backup_size']);
    expect(result.parts[0]?.verified).toEqual(['size', 'md5']);
  });

  for (const encryption of ['aws:kms', 'sse-c'] as const) {
    it(`an ${encryption} object (32-hex ETag, not an MD5) downloads without a false "corrupt"`, async () => {
      const id = add(100_000);
      sb.setObjectEncryption(stackUid, id, encryption);
      const result = await downloadBackup(client, stackUid, id, { dir });
      await exact(result.path, id);
      expect(result.verified).toEqual(['size', 'backup_size']);
      expect(result.parts[0]).toMatchObject({
        verified: ['size'],
        md5Unavailable: encryption === 'aws:kms' ? 'sse-kms' : 'sse-c',
      });
      expect(result.parts[0]?.md5).toBeUndefined();
    });
  }

  it('an SSE-S3 (AES256) object still has its MD5 checked', async () => {
    const id = add(100_000);
    sb.setObjectEncryption(stackUid, id, 'AES256');
    sb.faults.inject({ route: 'download', kind: 'corrupt', atByte: 777 });
    const error = await downloadBackup(client, stackUid, id, { dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DOWNLOAD_INTEGRITY', check: 'md5' });
  });

  it('a single part whose Content-Length disagrees with backup_size fails before any byte is written', async () => {
    const id = add(100_000);
    const progress: DownloadProgress[] = [];
    const error = await downloadBackup(client, stackUid, id, {
      dir,
      expectedSize: 100_001,
      onProgress: (p) => progress.push(p),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({ check: 'total', expected: 100_001, actual: 100_000 });
    expect(Math.max(0, ...progress.map((p) => p.bytes))).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it('split parts whose sizes cannot add up to backup_size fail before the first GET', async () => {
    const id = add(3 * PART + 10);
    const error = await downloadBackup(client, stackUid, id, {
      dir,
      expectedSize: 3 * PART + 11,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DOWNLOAD_INTEGRITY', check: 'total' });
    expect(fileHost().map((r) => r.method)).toEqual(['HEAD', 'HEAD', 'HEAD', 'HEAD']);
  });
});

describe('file host redirects', () => {
  for (const status of [301, 302, 303, 307, 308] as const) {
    it(`follows a ${status} to the second path, byte for byte`, async () => {
      const id = add(100_000);
      sb.faults.inject({ route: 'download', kind: 'redirect', status });
      const result = await downloadBackup(client, stackUid, id, { dir });
      await exact(result.path, id);
      expect(fileHost('/s3-mirror')).toHaveLength(1);
    });
  }

  it('keeps Range through a redirect when resuming, and HEAD stays HEAD after a 303', async () => {
    const id = add(2 * PART + 5);
    sb.faults.inject({
      route: 'download',
      kind: 'redirect',
      status: 303,
      times: Number.POSITIVE_INFINITY,
    });
    sb.faults.inject({ route: 'download', kind: 'reset', afterBytes: 50_000, times: 1 });
    // The resume starts where the client got to: up to 50,000 bytes (a reset discards
    // whatever was received but not read yet, so under load it can be fewer).
    let reached = 0;
    const result = await downloadBackup(client, stackUid, id, {
      dir,
      retryDelayMs: 1,
      onRetry: (event) => {
        reached = event.bytesReached;
      },
    });
    await exact(result.path, id);
    const mirrored = fileHost('/s3-mirror');
    expect(mirrored.filter((r) => r.method === 'HEAD')).toHaveLength(3);
    const ranged = mirrored.filter((r) => r.headers.range);
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThanOrEqual(50_000);
    expect(ranged.map((r) => r.headers.range)).toEqual([`bytes=${reached}-`]);
  });

  it('a redirect loop is a FileHostRedirectError (loop), without the URL query', async () => {
    const id = add(1000);
    sb.faults.inject({ route: 'download', kind: 'redirect', loop: true, times: Infinity });
    const error = await downloadBackup(client, stackUid, id, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileHostRedirectError);
    expect(error).toMatchObject({ problem: 'loop', hops: 0, status: 307 });
    const shown = `${String(error)}\n${JSON.stringify(error)}\n${inspect(error)}`;
    expect(shown).toContain('?[redacted]');
    for (const secret of ['Signature=', 'AWSAccessKeyId=', 'Expires=']) {
      expect(shown).not.toContain(secret);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('more than 5 hops is a FileHostRedirectError (too-many-hops)', async () => {
    const id = add(1000);
    sb.faults.inject({ route: 'download', kind: 'redirect', chain: true, times: Infinity });
    const error = await downloadBackup(client, stackUid, id, { dir }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FILE_HOST_REDIRECT', problem: 'too-many-hops', hops: 5 });
    expect(fileHost('/s3-mirror')).toHaveLength(5);
    expect(String(error)).not.toContain('Signature=');
  });
});

describe('describeChecks', () => {
  it('says only what ran, and why the MD5 did not', async () => {
    const plain = await downloadBackup(client, stackUid, add(5000), { dir });
    expect(describeChecks(plain)).toBe('checked size, MD5, backup_size');
    const id = add(5000);
    sb.setObjectEncryption(stackUid, id, 'aws:kms');
    const kms = await downloadBackup(client, stackUid, id, { dir: join(dir, 'kms') });
    expect(describeChecks(kms)).toBe(
      "checked size, backup_size; MD5 not checked: an SSE-KMS object's ETag is not an MD5",
    );
  });
});
