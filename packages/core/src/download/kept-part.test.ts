import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxOptions } from '../../test/sandbox.js';
import { type Client, createClient } from '../client.js';
import { AbortedError, IntegrityError } from '../errors/index.js';
import { downloadBackup } from './download-backup.js';
import type { PartialRecord } from './partial-record.js';

// keepPartial + resume: a later run continues where a cancelled one stopped.
const PART = 256 * 1024;
let sb: Sandbox;
let client: Client;
let stackUid: string;
let backupId: number;
let dir: string;
let name: string;

async function digest(stream: Readable, algorithm = 'sha256'): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Cancels a download while tar-ac is stalled after 50,000 bytes, keeping the .part. */
async function cancelInThirdPart(): Promise<void> {
  sb.faults.inject({
    route: 'download',
    kind: 'stall',
    afterBytes: 50_000,
    ms: 10_000,
    match: { fileId: 'tar-ac' },
  });
  const controller = new AbortController();
  let clock = 0;
  await expect(
    downloadBackup(client, stackUid, backupId, {
      dir,
      // One connection: the kept .part ends mid-part (parallel resumes: parallel-download.test.ts).
      connections: 1,
      keepPartial: true,
      signal: controller.signal,
      // A clock that jumps a second per reading: every write reports progress.
      now: () => (clock += 1000),
      onProgress: (p) => {
        if (p.bytes === 2 * PART + 50_000) controller.abort();
      },
    }),
  ).rejects.toBeInstanceOf(AbortedError);
  sb.faults.clear();
  sb.clearRequests();
}

const hostGets = () =>
  sb.requests
    .filter((r) => r.method === 'GET' && r.path.startsWith('/s3/'))
    .map((r) => [r.path.split('-').at(-1), r.headers.range]);

beforeAll(async () => {
  sb = await startSandbox(sandboxOptions({ splitThresholdBytes: PART }));
  client = createClient({ token: sb.token, baseUrl: sb.apiUrl, retry: { baseDelayMs: 5 } });
  stackUid = sb.createStack({ name: 'kept', backups: 0 }).uid;
  backupId = sb.addBackups(stackUid, { dbType: 'mysql', sizeBytes: 3 * PART + 99 })[0]?.id ?? 0;
  name = (sb.backupFiles(stackUid, backupId)[0]?.name ?? '').replace(/-aa$/, '');
});
afterAll(() => sb.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c66-kept-'));
});
afterEach(async () => {
  sb.faults.clear();
  await rm(dir, { recursive: true, force: true });
});

describe('resuming a kept .part', () => {
  it('continues where a cancelled run stopped, re-verifying the kept parts', async () => {
    await cancelInThirdPart();
    expect((await readdir(dir)).sort()).toEqual([`${name}.part`, `${name}.part.json`]);
    const record = JSON.parse(
      await readFile(join(dir, `${name}.part.json`), 'utf8'),
    ) as PartialRecord;
    expect(record).toMatchObject({ stackUid, backupId, bytes: 2 * PART + 50_000 });

    const result = await downloadBackup(client, stackUid, backupId, {
      dir,
      resume: true,
      connections: 1,
    });
    expect(hostGets()).toEqual([
      ['ac', 'bytes=50000-'],
      ['ad', undefined],
    ]);
    expect(await digest(createReadStream(result.path))).toBe(
      await digest(sb.expectedBackupContent(stackUid, backupId)),
    );
    for (const part of result.parts) {
      expect(part.md5).toBe(
        await digest(sb.expectedFileContent(stackUid, backupId, part.id), 'md5'),
      );
    }
    expect(await readdir(dir)).toEqual([name]);
  });

  it('starts over when the record is for another backup', async () => {
    await cancelInThirdPart();
    const recordFile = join(dir, `${name}.part.json`);
    const record = JSON.parse(await readFile(recordFile, 'utf8')) as PartialRecord;
    await writeFile(recordFile, JSON.stringify({ ...record, backupId: backupId + 1 }));
    const result = await downloadBackup(client, stackUid, backupId, {
      dir,
      resume: true,
      connections: 1,
    });
    expect(hostGets()).toEqual([
      ['aa', undefined],
      ['ab', undefined],
      ['ac', undefined],
      ['ad', undefined],
    ]);
    expect(await digest(createReadStream(result.path))).toBe(
      await digest(sb.expectedBackupContent(stackUid, backupId)),
    );
  });

  it('catches a byte changed on disk in a kept part by its MD5', async () => {
    await cancelInThirdPart();
    const handle = await open(join(dir, `${name}.part`), 'r+');
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, PART + 10);
    byte[0] = (byte[0] ?? 0) ^ 0xff;
    await handle.write(byte, 0, 1, PART + 10);
    await handle.close();
    const error = await downloadBackup(client, stackUid, backupId, {
      dir,
      resume: true,
      connections: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toMatchObject({ check: 'md5', part: `${name}-ab` });
    expect(await readdir(dir)).toEqual([]);
  });
});
