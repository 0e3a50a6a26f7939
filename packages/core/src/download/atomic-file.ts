import { randomBytes } from 'node:crypto';
import { type FileHandle, lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { TargetExistsError } from '../errors/index.js';
import { PartLock } from './part-lock.js';
import { type PartialRecord, removeRecord, writeRecord } from './partial-record.js';
import { assertTargetWritable, placeFile, syncDirectory } from './place-file.js';

/** The one `.part` a later run may resume: `<target>.part`, touched only under its lock. */
export const keptPartPath = (target: string) => `${target}.part`;

/**
 * The file a download writes, moved to `target` only by {@link commit}, after fsync:
 * readers of `target` see nothing or the complete file, never a prefix.
 *
 * Concurrent runs never share it: a fresh run writes its own `<target>.<random>.part`,
 * created with O_EXCL; a run resuming the kept `<target>.part` holds its
 * {@link PartLock} until it ends. The commit links (no clobber) or, with `overwrite`,
 * renames, then checks the target is the very file written.
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
    /** Size of a resumed `.part` when opened. */
    readonly existingBytes: number,
    /** Held while working on the kept `<target>.part` (resume). */
    private lock: PartLock | undefined,
  ) {}

  /**
   * Opens a new private `.part`, or with `reuse` takes the lock on the kept
   * `<target>.part` (throws `PartInUseError` while another run holds it) and opens it
   * (if it is a plain file; `existingBytes` then says how much it holds).
   */
  static async create(
    target: string,
    { overwrite, reuse = false }: { overwrite: boolean; reuse?: boolean },
  ): Promise<AtomicFile> {
    await assertTargetWritable(target, overwrite);
    await mkdir(dirname(target), { recursive: true });
    if (!reuse) {
      const partPath = `${target}.${randomBytes(6).toString('hex')}.part`;
      // 'wx': O_EXCL, never follows or reuses anything already there.
      return new AtomicFile(target, partPath, await open(partPath, 'wx'), overwrite, 0, undefined);
    }
    const partPath = keptPartPath(target);
    const lock = await PartLock.acquire(partPath);
    try {
      const kept = await lstat(partPath).catch(() => undefined);
      if (kept?.isFile()) {
        const handle = await open(partPath, 'r+');
        return new AtomicFile(target, partPath, handle, overwrite, kept.size, lock);
      }
      // Not a plain file (a planted symlink...): ours to replace, under the lock.
      await rm(partPath, { force: true, recursive: false });
      await removeRecord(partPath);
      return new AtomicFile(target, partPath, await open(partPath, 'wx'), overwrite, 0, lock);
    } catch (error) {
      await lock.release();
      throw error;
    }
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

  /**
   * fsync, close, move into place and check that `target` is now this very file (same
   * device and inode) of `bytes` bytes. Without `overwrite`, a file that appeared
   * meanwhile (another run's, complete) is never replaced: `TargetExistsError`.
   */
  async commit(bytes: number): Promise<void> {
    await this.flushing;
    if (this.flushError) throw this.flushError;
    await this.handle.sync();
    const written = await this.handle.stat();
    await this.close();
    await placeFile(this.partPath, this.target, this.overwrite);
    const placed = await lstat(this.target);
    if (placed.size !== bytes || placed.ino !== written.ino || placed.dev !== written.dev) {
      // Only `overwrite` runs can replace each other; each of them verified its own file.
      throw new TargetExistsError(this.target, 'was replaced by another download meanwhile');
    }
    if (this.lock) await removeRecord(this.partPath);
    await syncDirectory(dirname(this.target));
    await this.lock?.release();
    this.lock = undefined;
  }

  /**
   * Closes and, unless `keep`, deletes this run's `.part`. With `keep`, leaves it as the
   * kept `<target>.part` with `record`, so a later run can resume, if no other run holds
   * that one (then nothing is kept). Never throws: it runs on error paths.
   */
  async discard(keep: boolean, record?: PartialRecord): Promise<void> {
    await this.close().catch(() => undefined);
    try {
      if (keep && record) await this.keep(record);
      else await this.remove();
    } catch {
      await rm(this.partPath, { force: true }).catch(() => undefined);
    } finally {
      await this.lock?.release();
      this.lock = undefined;
    }
  }

  private async keep(record: PartialRecord): Promise<void> {
    const kept = keptPartPath(this.target);
    if (!this.lock) {
      const lock = await PartLock.acquire(kept).catch(() => undefined);
      if (!lock) return this.remove();
      this.lock = lock;
      await removeRecord(kept); // the record must never describe other bytes
      await rename(this.partPath, kept);
    }
    await writeRecord(kept, record);
  }

  private async remove(): Promise<void> {
    await rm(this.partPath, { force: true }).catch(() => undefined);
    if (this.lock) await removeRecord(this.partPath).catch(() => undefined);
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flushing;
    await this.handle.close();
  }
}
