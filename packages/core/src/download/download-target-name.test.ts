import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxOptions } from '../../test/sandbox.js';
import { type Client, createClient } from '../client.js';
import { BackupFailedError } from '../errors/index.js';
import { downloadBackup } from './download-backup.js';
import { downloadTargetName } from './download-target-name.js';

const PART = 64 * 1024;
let sb: Sandbox;
let client: Client;
let stackUid: string;

beforeAll(async () => {
  sb = await startSandbox(sandboxOptions({ splitThresholdBytes: PART, importDelayMs: 0 }));
  client = createClient({ token: sb.token, baseUrl: sb.apiUrl });
  stackUid = sb.createStack({ name: 'target-names', backups: 0 }).uid;
});
afterAll(() => sb.close());

describe('downloadTargetName', () => {
  it.each([
    ['a single-file backup', PART / 2, 1],
    ['a split backup', PART * 3 + 5, 4],
  ])('%s: the name downloadBackup writes into a folder', async (_, sizeBytes, parts) => {
    const [backup] = sb.addBackups(stackUid, { dbType: 'mysql', count: 1, sizeBytes });
    if (!backup) throw new Error('the sandbox added no backup');
    const files = await client.files.list(stackUid, backup.id).toArray();
    expect(files).toHaveLength(parts);
    const name = await downloadTargetName(client, stackUid, backup.id);
    expect(name).not.toMatch(/-a[a-z]$/);
    const dir = await mkdtemp(join(tmpdir(), 'c66-name-'));
    try {
      const result = await downloadBackup(client, stackUid, backup.id, { dir });
      expect(basename(result.path)).toBe(name);
      expect(await readdir(dir)).toEqual([name]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a failed backup: the error the download would throw', async () => {
    const [failed] = sb.addBackups(stackUid, { dbType: 'mysql', status: 'failed' });
    const error = await downloadTargetName(client, stackUid, failed?.id ?? 0).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupFailedError);
    expect((error as Error).message).toMatch(/^backup \d+ is failed.*; nothing to download$/);
  });
});
