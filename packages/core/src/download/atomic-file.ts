import { type FileHandle, link, lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LocalFileError, TargetExistsError } from './errors.js';
import { type PartialRecord, removeRecord, writeRecord } from './partial-record.js';

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
 * A file written as `<target>.part` and moved to `target` only by {@link commit},
 * after fsync: readers of `target` see nothing or the complete file, never a prefix.
 */
export class AtomicFile {
  private closed = false;
  private flushing: Promise<unknown> | undefined;
  private flushError: unknown;

  private constructor(
    readonly target: string,
    readonly partPath: string,
    readonly handle: FileHandle,
    private readonly overwrite: boolean,
    /** Size of a reused `.part` when opened. */
    readonly existingBytes: number,
  ) {}

  /**
   * Opens `<target>.part`: a new, empty one, or with `reuse` the one an earlier run kept
   * (if it is a plain file; `existingBytes` then says how much it holds).
   */
  static async create(
    target: string,
    { overwrite, reuse = false }: { overwrite: boolean; reuse?: boolean },
  ): Promise<AtomicFile> {
    await assertTargetWritable(target, overwrite);
    await mkdir(dirname(target), { recursive: true });
    const partPath = `${target}.part`;
    if (reuse) {
      const kept = await lstat(partPath).catch(() => undefined);
      if (kept?.isFile()) {
        const handle = await open(partPath, 'r+');
        return new AtomicFile(target, partPath, handle, overwrite, kept.size);
      }
    }
    // A stale .part (a killed run) is ours to replace; removing it first and opening
    // exclusively means a planted symlink is never followed.
    await rm(partPath, { force: true });
    await removeRecord(partPath);
    const handle = await open(partPath, 'wx');
    return new AtomicFile(target, partPath, handle, overwrite, 0);
  }

  /** Drops everything from `length` on (a part restarting from its first byte). */
  async truncate(length: number): Promise<void> {
    await this.handle.truncate(length);
  }

  /**
   * Starts writing what is written so far to the disk, without waiting (at most one at
   * a time). The kernel otherwise keeps gigabytes dirty in memory and the final fsync
   * would write them all at the end; flushing along the way overlaps that with the
   * download and keeps dirty memory low for everyone else.
   */
  flushInBackground(): void {
    if (this.flushing || this.closed) return;
    this.flushing = this.handle
      .datasync()
      .catch((error: unknown) => {
        this.flushError ??= error;
      })
      .finally(() => {
        this.flushing = undefined;
      });
  }

  /** fsync, close, and move into place; without `overwrite`, never replaces a file that appeared meanwhile. */
  async commit(): Promise<void> {
    await this.flushing;
    if (this.flushError) throw this.flushError;
    await this.handle.sync();
    await this.close();
    if (this.overwrite) {
      await rename(this.partPath, this.target);
    } else {
      await this.linkNoClobber();
    }
    await removeRecord(this.partPath);
    await syncDirectory(dirname(this.target));
  }

  /**
   * Closes and, unless `keep`, deletes the `.part` and its record. With `keep`, writes
   * `record` so a later run can resume. Never throws: it runs on error paths.
   */
  async discard(keep: boolean, record?: PartialRecord): Promise<void> {
    await this.close().catch(() => undefined);
    if (keep) {
      if (record) await writeRecord(this.partPath, record).catch(() => undefined);
      return;
    }
    await rm(this.partPath, { force: true }).catch(() => undefined);
    await removeRecord(this.partPath).catch(() => undefined);
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flushing;
    await this.handle.close();
  }

  private async linkNoClobber(): Promise<void> {
    try {
      await link(this.partPath, this.target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new TargetExistsError(this.target, 'appeared during the download');
      // Filesystems without hard links: check, then rename (a narrow race, still no partial file).
      await assertTargetWritable(this.target, false);
      await rename(this.partPath, this.target);
      return;
    }
    await rm(this.partPath, { force: true });
  }
}

/** Makes the rename itself durable; not possible (nor needed) on every platform. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle
    .sync()
    .catch(() => undefined)
    .finally(() => handle.close());
}
