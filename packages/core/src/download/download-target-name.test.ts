import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSplitSandbox } from '../../test/split-sandbox.js';
import { BackupFailedError } from '../errors/index.js';
import { downloadBackup } from './download-backup.js';
import { downloadTargetName } from './download-target-name.js';

const PART = 64 * 1024;
const fx = useSplitSandbox('target-names', PART);

describe('downloadTargetName', () => {
  it.each([
    ['a single-file backup', PART / 2, 1],
    ['a split backup', PART * 3 + 5, 4],
  ])('%s: the name downloadBackup writes into a folder', async (_, sizeBytes, parts) => {
    const [backup] = fx.sb.addBackups(fx.stackUid, { dbType: 'mysql', count: 1, sizeBytes });
    if (!backup) throw new Error('the sandbox added no backup');
    const files = await fx.client.files.list(fx.stackUid, backup.id).toArray();
    expect(files).toHaveLength(parts);
    const name = await downloadTargetName(fx.client, fx.stackUid, backup.id);
    expect(name).not.toMatch(/-a[a-z]$/);
    const dir = await mkdtemp(join(tmpdir(), 'c66-name-'));
    try {
      const result = await downloadBackup(fx.client, fx.stackUid, backup.id, { dir });
      expect(basename(result.path)).toBe(name);
      expect(await readdir(dir)).toEqual([name]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a failed backup: the error the download would throw', async () => {
    const [failed] = fx.sb.addBackups(fx.stackUid, { dbType: 'mysql', status: 'failed' });
    const error = await downloadTargetName(fx.client, fx.stackUid, failed?.id ?? 0).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupFailedError);
    expect((error as Error).message).toMatch(/^backup \d+ is failed.*; nothing to download$/);
  });
});
