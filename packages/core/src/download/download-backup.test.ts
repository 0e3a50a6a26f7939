import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sandboxOptions } from '../../test/sandbox.js';
import { sha256 } from '../../test/sha256.js';
import { type Client, createClient } from '../client.js';
import {
  AbortedError,
  BackupFailedError,
  CallbackError,
  LocalFileError,
  TargetExistsError,
  UnsafeFileNameError,
} from '../errors/index.js';
import { downloadBackup } from './download-backup.js';
import { downloadBackupFile } from './download-backup-file.js';
import type { DownloadProgress } from './progress.js';

const PART = 256 * 1024;
let sb: Sandbox;
let client: Client;
let stackUid: string;
let dir: string;

function addBackup(sizeBytes: number): number {
  const [backup] = sb.addBackups(stackUid, { dbType: 'mysql', count: 1, sizeBytes });
  if (!backup) throw new Error('the sandbox added no backup');
  return backup.id;
}

beforeAll(async () => {
  sb = await startSandbox(sandboxOptions({ splitThresholdBytes: PART, importDelayMs: 0 }));
  client = createClient({ token: sb.token, baseUrl: sb.apiUrl, retry: { baseDelayMs: 5 } });
  stackUid = sb.createStack({ name: 'downloads', backups: 0 }).uid;
});
afterAll(() => sb.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c66-dl-'));
});
afterEach(async () => {
  sb.faults.clear();
  await rm(dir, { recursive: true, force: true });
});

describe('downloadBackup', () => {
  it('writes a single-file backup byte for byte, verified by its MD5 ETag', async () => {
    const id = addBackup(100 * 1024);
    const result = await downloadBackup(client, stackUid, id, { dir });
    const [file] = await client.files.list(stackUid, id).toArray();
    expect(result.path).toBe(join(dir, file?.name ?? ''));
    expect(result.bytes).toBe(100 * 1024);
    expect(result.parts).toHaveLength(1);
    expect(result.parts[0]?.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(await sha256(createReadStream(result.path))).toBe(
      await sha256(sb.expectedFileContent(stackUid, id, 'tar')),
    );
    expect(await readdir(dir)).toEqual([file?.name]);
  });

  it('joins a multi-part backup in order into one file named without the part suffix', async () => {
    const size = 4 * PART + 12_345;
    const id = addBackup(size);
    const files = await client.files.list(stackUid, id).toArray();
    expect(files.length).toBeGreaterThanOrEqual(3);
    const result = await downloadBackup(client, stackUid, id, { dir });
    expect(result.parts.map((p) => p.id)).toEqual([
      'tar-aa',
      'tar-ab',
      'tar-ac',
      'tar-ad',
      'tar-ae',
    ]);
    expect(result.path).toBe(join(dir, (files[0]?.name ?? '').replace(/-aa$/, '')));
    expect(result.bytes).toBe(size);
    expect(result.parts.reduce((sum, p) => sum + p.bytes, 0)).toBe(size);
    expect(await sha256(createReadStream(result.path))).toBe(
      await sha256(sb.expectedBackupContent(stackUid, id)),
    );
  });

  it('writes to an exact file path when given `file`', async () => {
    const id = addBackup(3 * PART);
    const file = join(dir, 'nested', 'mine.tar');
    const result = await downloadBackup(client, stackUid, id, { file });
    expect(result.path).toBe(file);
    expect(await sha256(createReadStream(file))).toBe(
      await sha256(sb.expectedBackupContent(stackUid, id)),
    );
  });

  it('reports throttled, monotonic progress with the total known up front', async () => {
    const size = 32 * PART;
    const id = addBackup(size);
    const seen: DownloadProgress[] = [];
    const started = performance.now();
    await downloadBackup(client, stackUid, id, { dir, onProgress: (p) => seen.push({ ...p }) });
    const elapsedMs = performance.now() - started;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 100) + 1);
    for (const [i, p] of seen.entries()) {
      expect(p.totalBytes).toBe(size);
      expect(p.parts).toBe(32);
      if (i > 0) {
        expect(p.bytes).toBeGreaterThanOrEqual(seen[i - 1]?.bytes ?? 0);
        expect(p.part).toBeGreaterThanOrEqual(seen[i - 1]?.part ?? 0);
      }
    }
    expect(seen.at(-1)).toMatchObject({ bytes: size, part: 32, etaSeconds: 0 });
  });

  it('learns the total from HEAD requests when the API reports backup_size 0', async () => {
    const id = addBackup(0);
    const seen: DownloadProgress[] = [];
    const result = await downloadBackup(client, stackUid, id, {
      dir,
      onProgress: (p) => seen.push(p),
    });
    expect(result.parts.length).toBeGreaterThan(1);
    expect(seen.at(-1)?.totalBytes).toBe(result.bytes);
    expect(seen[0]?.totalBytes).toBe(result.bytes);
    expect(await sha256(createReadStream(result.path))).toBe(
      await sha256(sb.expectedBackupContent(stackUid, id)),
    );
  });

  it('refuses an existing target unless told to overwrite, leaving it untouched', async () => {
    const id = addBackup(50 * 1024);
    const first = await downloadBackup(client, stackUid, id, { dir });
    await writeFile(first.path, 'precious');
    await expect(downloadBackup(client, stackUid, id, { dir })).rejects.toBeInstanceOf(
      TargetExistsError,
    );
    expect(await readFile(first.path, 'utf8')).toBe('precious');
    expect((await readdir(dir)).filter((f) => f.endsWith('.part'))).toEqual([]);
    const again = await downloadBackup(client, stackUid, id, { dir, overwrite: true });
    expect(again.bytes).toBe(50 * 1024);
  });

  it('cancels mid-part: AbortedError, no target and no .part left', async () => {
    const id = addBackup(3 * PART);
    // Part two goes quiet after 1000 bytes: the cancel lands mid-part, with a .part on disk.
    sb.faults.inject({
      route: 'download',
      kind: 'stall',
      afterBytes: 1000,
      ms: 10_000,
      match: { fileId: 'tar-ab' },
    });
    const controller = new AbortController();
    let clock = 0;
    const download = downloadBackup(client, stackUid, id, {
      dir,
      connections: 1, // a stall on one part holds the only connection
      signal: controller.signal,
      // A clock that jumps a second per reading: every write reports progress.
      now: () => (clock += 1000),
      onProgress: (p) => {
        if (p.bytes === PART + 1000) controller.abort();
      },
    });
    await expect(download).rejects.toBeInstanceOf(AbortedError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the .part on cancel when keepPartial is set, and still no target', async () => {
    const id = addBackup(3 * PART);
    const controller = new AbortController();
    const download = downloadBackup(client, stackUid, id, {
      dir,
      keepPartial: true,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytes > 0) controller.abort();
      },
    });
    await expect(download).rejects.toBeInstanceOf(AbortedError);
    const left = (await readdir(dir)).sort();
    expect(left).toHaveLength(2);
    expect(left[0]).toMatch(/\.tar\.part$/);
    expect(left[1]).toMatch(/\.tar\.part\.json$/);
  });

  it('stops, without retrying, when the onProgress callback throws', async () => {
    const id = addBackup(3 * PART);
    sb.clearRequests();
    const error = await downloadBackup(client, stackUid, id, {
      dir,
      connections: 1, // one request in all (several connections: parallel-download.test.ts)
      onProgress: () => {
        throw new Error('ui went away');
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallbackError);
    expect((error as Error).cause).toMatchObject({ message: 'ui went away' });
    const gets = sb.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/s3/'));
    expect(gets).toHaveLength(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a folder it cannot create as a LocalFileError', async () => {
    const id = addBackup(1000);
    const notADir = join(dir, 'plain-file');
    await writeFile(notADir, 'x');
    const error = await downloadBackup(client, stackUid, id, { dir: join(notADir, 'sub') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LocalFileError);
    expect(error).toMatchObject({ code: 'LOCAL_FILE_ERROR' });
  });

  it('refuses a traversal name from the API, writing nothing anywhere', async () => {
    // An import's file name comes from its remote URL: the sandbox names this one `../../x`.
    const newest = async () => (await client.backups.list(stackUid).toArray({ limit: 1 }))[0];
    const before = (await newest())?.id ?? 0;
    const group = sb.backupGroups(stackUid)[0]?.group ?? 0;
    const remoteUrl = 'https://dumps.example.com/..%2F..%2Fx';
    await client.backups.import(stackUid, { group, dbType: 'mysql', remoteUrl });
    let imported = await newest();
    for (let i = 0; i < 100 && (imported?.id ?? 0) <= before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      imported = await newest();
    }
    const id = imported?.id ?? 0;
    expect(id).toBeGreaterThan(before);
    const files = await client.files.list(stackUid, id).toArray();
    expect(files[0]?.name.startsWith('../../x')).toBe(true);

    const inner = join(dir, 'a', 'b');
    await mkdir(inner, { recursive: true });
    sb.clearRequests();
    await expect(downloadBackup(client, stackUid, id, { dir: inner })).rejects.toBeInstanceOf(
      UnsafeFileNameError,
    );
    await expect(
      downloadBackupFile(client, stackUid, id, files[0]?.id ?? '', { dir: inner }),
    ).rejects.toBeInstanceOf(UnsafeFileNameError);
    expect(await readdir(inner)).toEqual([]);
    expect(await readdir(dir)).toEqual(['a']);
    // Refused before any URL was asked for, let alone fetched.
    expect(
      sb.requests.filter((r) => r.path.startsWith('/s3/') || r.path.includes('/files/')),
    ).toEqual([]);
  });

  it('says a failed backup failed, instead of downloading nothing', async () => {
    const [failed] = sb.addBackups(stackUid, { dbType: 'mysql', status: 'failed' });
    const error = await downloadBackup(client, stackUid, failed?.id ?? 0, { dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupFailedError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects bad options before any request', async () => {
    await expect(downloadBackup(client, stackUid, 1, {})).rejects.toThrow(/exactly one of/);
    await expect(downloadBackup(client, stackUid, 1, { dir, file: 'x' })).rejects.toThrow(
      /exactly one of/,
    );
    await expect(downloadBackup(client, stackUid, 1, { dir, stallTimeoutMs: 0 })).rejects.toThrow(
      /stallTimeoutMs/,
    );
  });
});
