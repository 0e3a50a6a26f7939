import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSplitSandbox } from '../../test/split-sandbox.js';
import { digestFile } from './digest.js';
import { directDigest } from './direct-digest.js';
import { downloadBackup } from './download-backup.js';

const PART = 64 * 1024;
const fx = useSplitSandbox('direct-digest', PART);

describe('directDigest', () => {
  it('reads a split backup the plain way: the bytes the sandbox serves, as downloadBackup writes them', async () => {
    const [backup] = fx.sb.addBackups(fx.stackUid, {
      dbType: 'mysql',
      count: 1,
      sizeBytes: PART * 2 + 7,
    });
    if (!backup) throw new Error('the sandbox added no backup');
    // The sandbox's own account of the bytes, hashed apart from `digest`.
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of fx.sb.expectedBackupContent(fx.stackUid, backup.id)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    expect(bytes).toBe(PART * 2 + 7);
    const direct = await directDigest(fx.client, fx.stackUid, backup.id);
    expect(direct).toEqual({ bytes, sha256: hash.digest('hex') });
    const dir = await mkdtemp(join(tmpdir(), 'c66-digest-'));
    try {
      const { path } = await downloadBackup(fx.client, fx.stackUid, backup.id, { dir });
      expect(await digestFile(path)).toEqual(direct);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
