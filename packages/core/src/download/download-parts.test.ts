import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxOptions } from '../../test/sandbox.js';
import { type Client, createClient } from '../client.js';
import { IntegrityError } from '../errors/index.js';
import { downloadBackup } from './download-backup.js';

// Verification: what the engine refuses to call a finished download.
const PART = 256 * 1024;
let sb: Sandbox;
let client: Client;
let stackUid: string;
let backupId: number;
let dir: string;

async function md5(stream: Readable): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

beforeAll(async () => {
  sb = await startSandbox(sandboxOptions({ splitThresholdBytes: PART }));
  client = createClient({ token: sb.token, baseUrl: sb.apiUrl, retry: { baseDelayMs: 5 } });
  stackUid = sb.createStack({ name: 'verify', backups: 0 }).uid;
  backupId =
    sb.addBackups(stackUid, { dbType: 'mysql', count: 1, sizeBytes: 3 * PART + 99 })[0]?.id ?? 0;
});
afterAll(() => sb.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c66-verify-'));
});
afterEach(async () => {
  sb.faults.clear();
  await rm(dir, { recursive: true, force: true });
});

describe('verification', () => {
  it('refuses a part whose bytes do not match its MD5 ETag, naming the part', async () => {
    sb.faults.inject({
      route: 'download',
      kind: 'corrupt',
      atByte: 5000,
      match: { fileId: 'tar-ab' },
    });
    const error = await downloadBackup(client, stackUid, backupId, { dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IntegrityError);
    const name = sb.backupFiles(stackUid, backupId).find((f) => f.id === 'tar-ab')?.name;
    expect(error).toMatchObject({ code: 'DOWNLOAD_INTEGRITY', check: 'md5', part: name });
    expect((error as Error).message).toContain(String(name));
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the MD5 across a resume: it still covers the whole part', async () => {
    sb.faults.inject({
      route: 'download',
      kind: 'reset',
      afterBytes: 70_000,
      match: { fileId: 'tar-ab' },
    });
    const result = await downloadBackup(client, stackUid, backupId, { dir, retryDelayMs: 1 });
    const resumed = sb.requests.filter((r) => r.path.startsWith('/s3/') && r.headers.range);
    expect(resumed).toHaveLength(1);
    expect(result.parts[1]?.md5).toBe(
      await md5(sb.expectedFileContent(stackUid, backupId, 'tar-ab')),
    );
  });

  it('refuses a total that differs from the expected size', async () => {
    const error = await downloadBackup(client, stackUid, backupId, {
      dir,
      expectedSize: 3 * PART + 100,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({
      check: 'total',
      expected: 3 * PART + 100,
      actual: 3 * PART + 99,
    });
    expect(await readdir(dir)).toEqual([]);
  });
});
