import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalFileError } from '../errors/index.js';
import { localFileError } from './local-file-error.js';

/** An error shaped exactly as Node's fs throws them. */
const nodeError = (code: string, syscall = 'write') =>
  Object.assign(new Error(`${code}: failed, ${syscall}`), { code, errno: -1, syscall });

describe('local failures in plain words', () => {
  it.each([
    ['ENOSPC', /^disk full while writing \/backups\/x\.tar \(ENOSPC\)$/],
    ['EFBIG', /^file too large for this disk .* while writing \/backups\/x\.tar \(EFBIG\)$/],
    ['EACCES', /^permission denied: cannot write \/backups\/x\.tar/],
    ['EROFS', /^read-only file system: cannot write \/backups\/x\.tar/],
    ['ENOENT', /^folder or drive not found: cannot write \/backups\/x\.tar/],
  ])('%s names the cause in the message itself', (code, message) => {
    const error = localFileError(nodeError(code), '/backups/x.tar');
    expect(error).toBeInstanceOf(LocalFileError);
    expect((error as LocalFileError).message).toMatch(message);
    expect(error).toMatchObject({ code: 'LOCAL_FILE_ERROR', errno: code });
    expect((error as Error).cause).toMatchObject({ code });
  });

  it('a real ENOTDIR from the file system', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'c66-local-'));
    const file = join(dir, 'plain');
    await writeFile(file, 'x');
    const raw = await mkdir(join(file, 'sub'), { recursive: true }).catch((e: unknown) => e);
    const error = localFileError(raw, join(file, 'sub', 'x.tar'));
    expect((error as Error).message).toMatch(/^a part of the path is not a folder: cannot write/);
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves errors that are not the file system alone, unless told to wrap them', () => {
    const plain = new Error('the disk accepted no more bytes');
    expect(localFileError(plain, '/x')).toBe(plain);
    expect((localFileError(plain, '/x', true) as Error).message).toBe(
      'writing /x failed: the disk accepted no more bytes',
    );
  });
});
