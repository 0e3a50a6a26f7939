import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { PartInUseError, type PartLockHolder } from '../errors/index.js';

/** A lock file older than this that still holds no readable owner was left mid-write. */
const UNREADABLE_STALE_MS = 30_000;

/**
 * The lock on a kept `<target>.part` (the one file several runs could reach for): a
 * `<target>.part.lock` created with O_CREAT|O_EXCL (`'wx'`, atomic on local disks on
 * Linux, macOS and Windows) holding the owner's pid, host and start time. A lock whose
 * owner is on this host and no longer runs is stale and taken over; any other lock means
 * another run is busy with that `.part`.
 */
export class PartLock {
  private released = false;

  private constructor(
    readonly path: string,
    private readonly content: string,
  ) {}

  /** Takes the lock or throws {@link PartInUseError}. */
  static async acquire(partPath: string): Promise<PartLock> {
    const path = `${partPath}.lock`;
    const holder: PartLockHolder & { token: string } = {
      pid: process.pid,
      host: hostname(),
      startedAt: new Date().toISOString(),
      token: randomBytes(8).toString('hex'),
    };
    const content = `${JSON.stringify(holder)}\n`;
    for (let attempt = 0; ; attempt++) {
      try {
        const handle = await open(path, 'wx');
        await handle.writeFile(content).finally(() => handle.close());
        return new PartLock(path, content);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const seen = await readFile(path, 'utf8').catch(() => undefined);
      if (seen === undefined) continue; // released meanwhile: try again
      const owner = parseHolder(seen);
      if (attempt < 3 && (await isStale(path, owner))) {
        await takeOver(path, seen);
        continue;
      }
      throw new PartInUseError(partPath, path, owner);
    }
  }

  /** Removes the lock if it is still ours. Never throws (it runs on error paths). */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const now = await readFile(this.path, 'utf8').catch(() => undefined);
    if (now === this.content) await rm(this.path, { force: true }).catch(() => undefined);
  }
}

function parseHolder(text: string): PartLockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<PartLockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return undefined;
    return { pid: value.pid, host: value.host, startedAt: String(value.startedAt) };
  } catch {
    return undefined;
  }
}

async function isStale(path: string, owner: PartLockHolder | undefined): Promise<boolean> {
  if (!owner) {
    // Created but never written: its owner died between the two steps.
    const info = await stat(path).catch(() => undefined);
    return info !== undefined && Date.now() - info.mtimeMs > UNREADABLE_STALE_MS;
  }
  // A pid on another machine (a shared folder) cannot be checked: never presumed dead.
  return owner.host === hostname() && !isRunning(owner.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, another user's
  }
}

/**
 * Moves the stale lock aside (an atomic rename, so of two runs taking over only one gets
 * it) and checks that what it moved is the stale lock it judged, not a fresh one taken
 * meanwhile; a fresh one is put back without replacing anything.
 */
async function takeOver(path: string, judged: string): Promise<void> {
  const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(path, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== judged) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true }).catch(() => undefined);
}
