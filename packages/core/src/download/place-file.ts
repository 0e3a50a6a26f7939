import { link, lstat, open, rename, rm } from 'node:fs/promises';
import { LocalFileError, TargetExistsError } from '../errors/index.js';

/** Fails fast with {@link TargetExistsError} when `target` may not be written. */
export async function assertTargetWritable(target: string, overwrite: boolean): Promise<void> {
  const existing = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new LocalFileError(`cannot write ${target}: ${error.message}`, { cause: error });
  });
  if (!existing) return;
  if (existing.isDirectory()) throw new TargetExistsError(target, 'is a directory');
  if (!overwrite) throw new TargetExistsError(target);
}

/**
 * Moves a complete file into place. With `overwrite`, `rename` (atomic replace: POSIX
 * rename(2); on Windows libuv's MoveFileEx with REPLACE_EXISTING). Without, a hard
 * `link` (atomic, fails with EEXIST instead of replacing, on POSIX and NTFS) and the
 * temporary name is dropped: a file another run placed first is never replaced.
 */
export async function placeFile(from: string, target: string, overwrite: boolean): Promise<void> {
  if (overwrite) return rename(from, target);
  try {
    await link(from, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await rm(from, { force: true });
      throw new TargetExistsError(target, 'appeared during the download (another run?)');
    }
    // File systems without hard links (FAT, some shares): check, then rename. A narrow
    // race between two such runs remains; either way no partial file is ever placed.
    await assertTargetWritable(target, false);
    await rename(from, target);
    return;
  }
  await rm(from, { force: true });
}

/** Makes the rename itself durable; not possible (nor needed) on every platform. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle
    .sync()
    .catch(() => undefined)
    .finally(() => handle.close());
}
