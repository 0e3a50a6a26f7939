import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxOptions } from '../../test/sandbox.js';
import { sha256 } from '../../test/sha256.js';
import { type Client, createClient } from '../client.js';
import { BackupPartsError } from '../errors/index.js';
import { downloadBackupFile } from './download-backup-file.js';

const PART = 256 * 1024;
let sb: Sandbox;
let client: Client;
let stackUid: string;
let dir: string;

beforeAll(async () => {
  sb = await startSandbox(sandboxOptions({ splitThresholdBytes: PART }));
  client = createClient({ token: sb.token, baseUrl: sb.apiUrl, retry: { baseDelayMs: 5 } });
  stackUid = sb.createStack({ name: 'one-file', backups: 0 }).uid;
});
afterAll(() => sb.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c66-file-'));
});
afterEach(async () => {
  sb.faults.clear();
  await rm(dir, { recursive: true, force: true });
});

describe('downloadBackupFile', () => {
  it('downloads one part of a split backup under its own name, byte for byte', async () => {
    const id = sb.addBackups(stackUid, { dbType: 'mysql', sizeBytes: 3 * PART + 5 })[0]?.id ?? 0;
    const part = sb.backupFiles(stackUid, id).find((f) => f.id === 'tar-ab');
    const result = await downloadBackupFile(client, stackUid, id, 'tar-ab', { dir });
    expect(result).toEqual({
      path: join(dir, part?.name ?? ''),
      bytes: PART,
      verified: ['size', 'md5'],
    });
    expect(await sha256(createReadStream(result.path))).toBe(
      await sha256(sb.expectedFileContent(stackUid, id, 'tar-ab')),
    );
  });

  it('downloads the single file of a small backup, resuming after a reset', async () => {
    const id = sb.addBackups(stackUid, { dbType: 'mysql', sizeBytes: 200_000 })[0]?.id ?? 0;
    sb.faults.inject({ route: 'download', kind: 'reset', afterBytes: 64_000 });
    const result = await downloadBackupFile(client, stackUid, id, 'tar', {
      file: join(dir, 'db.tar'),
      retryDelayMs: 1,
    });
    expect(result.bytes).toBe(200_000);
    expect(await sha256(createReadStream(result.path))).toBe(
      await sha256(sb.expectedFileContent(stackUid, id, 'tar')),
    );
  });

  it('names the files a backup has when asked for one it lacks', async () => {
    const id = sb.addBackups(stackUid, { dbType: 'mysql', sizeBytes: 1000 })[0]?.id ?? 0;
    const error = await downloadBackupFile(client, stackUid, id, 'tar-zz', { dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupPartsError);
    expect((error as Error).message).toContain('"tar"');
    expect(await readdir(dir)).toEqual([]);
  });
});
