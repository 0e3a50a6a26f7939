import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

const CHUNK = 1024 * 1024;

/** MD5 of `length` bytes of a file from `start`, read back from disk (a kept `.part`). */
export async function md5OfRange(handle: FileHandle, start: number, length: number): Promise<Hash> {
  const hash = createHash('md5');
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, length)));
  let done = 0;
  while (done < length) {
    const want = Math.min(buffer.length, length - done);
    const { bytesRead } = await handle.read(buffer, 0, want, start + done);
    if (bytesRead === 0) throw new Error(`the kept .part ends before byte ${start + length}`);
    hash.update(buffer.subarray(0, bytesRead));
    done += bytesRead;
  }
  return hash;
}
