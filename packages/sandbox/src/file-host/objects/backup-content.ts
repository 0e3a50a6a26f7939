import { Readable } from 'node:stream';
import { fillRandom, mix } from '../../shared/random.js';
import { ustarHeader } from './tar-header.js';

const BLOCK = 64 * 1024;
const STAMP = 16;
/** Chunk size of `chunks()`: big writes keep per-write overhead small. */
export const CHUNK = 1024 * 1024;
const bases = new Map<number, Buffer>();

/** One pseudo-random 64 KiB block per backup, shared by every block of its data. */
function baseBlock(key: number): Buffer {
  let block = bases.get(key);
  if (!block) {
    block = fillRandom(Buffer.allocUnsafe(BLOCK), key);
    if (bases.size >= 256) bases.delete(bases.keys().next().value as number);
    bases.set(key, block);
  }
  return block;
}

/**
 * The bytes of one backup, computed from their offset: a ustar header, the dump
 * (a shared random block whose first 16 bytes are stamped with the block index, so
 * every 64 KiB differs), zero padding and the two zero end blocks, `size` bytes in all.
 * Filling is a memcpy per block, so serving runs at memory speed and costs no storage.
 */
export class BackupContent {
  private readonly header: Buffer;
  private readonly dataEnd: number;
  private readonly stamp = Buffer.allocUnsafe(STAMP);

  constructor(
    readonly size: number,
    private readonly key: number,
    innerName: string,
    mtimeMs: number,
  ) {
    const blocks = Math.floor(size / 512) * 512 - 1536;
    // Dumps are rarely block-aligned: leave some zero padding after the data.
    const dataSize = blocks >= 512 ? blocks - (key % 512) : Math.max(0, blocks);
    this.header = ustarHeader(innerName, dataSize, mtimeMs);
    this.dataEnd = 512 + dataSize;
  }

  /** Writes the bytes at `[offset, offset + target.length)` into `target`. */
  fill(target: Buffer, offset: number): Buffer {
    const end = offset + target.length;
    let pos = offset;
    if (pos < 512) {
      const n = Math.min(512, end) - pos;
      this.header.copy(target, 0, pos, pos + n);
      pos += n;
    }
    const base = baseBlock(this.key);
    while (pos < end && pos < this.dataEnd) {
      const d = pos - 512;
      const j = Math.floor(d / BLOCK);
      const within = d - j * BLOCK;
      const n = Math.min(BLOCK - within, end - pos, this.dataEnd - pos);
      const out = pos - offset;
      base.copy(target, out, within, within + n);
      if (within < STAMP) {
        for (let w = 0; w < 4; w++) this.stamp.writeUInt32LE(mix(this.key, j, w), w * 4);
        this.stamp.copy(target, out, within, Math.min(STAMP, within + n));
      }
      pos += n;
    }
    if (pos < end) target.fill(0, pos - offset);
    return target;
  }

  /** Chunks of the bytes in `[start, end)`, written into buffers from `allocate`. */
  *chunks(
    start = 0,
    end = this.size,
    allocate: (length: number) => Buffer = Buffer.allocUnsafe,
  ): Generator<Buffer> {
    for (let pos = start; pos < end; pos += CHUNK) {
      yield this.fill(allocate(Math.min(CHUNK, end - pos)), pos);
    }
  }

  /** A Readable of the bytes in `[start, end)`. */
  stream(start = 0, end = this.size): Readable {
    return Readable.from(this.chunks(start, end), { objectMode: false });
  }
}
