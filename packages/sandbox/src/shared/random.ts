import { createHash } from 'node:crypto';

/** 32-bit FNV-1a of a string: cheap, stable seeds for everything derived from names. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes integers into one well-spread 32-bit value (murmur3 finaliser per step). */
export function mix(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h ^= value >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    // Numbers above 2^32 (byte offsets, sizes) keep their high bits.
    if (value > 0xffffffff) h ^= Math.floor(value / 0x100000000);
  }
  return h >>> 0;
}

/** A float in [0, 1) derived from the mixed values. */
export function unit(...values: number[]): number {
  return mix(...values) / 0x100000000;
}

/** An integer in [min, max] derived from the mixed values. */
export function between(min: number, max: number, ...values: number[]): number {
  return min + Math.floor(unit(...values) * (max - min + 1));
}

/** 32 lowercase hex characters, like Cloud 66 uids. */
export function hex32(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** Fills a buffer with deterministic pseudo-random bytes (xorshift32). */
export function fillRandom(buffer: Buffer, seed: number): Buffer {
  let x = seed >>> 0 || 0x2545f491;
  const words = Math.floor(buffer.length / 4);
  for (let i = 0; i < words; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    buffer.writeUInt32LE(x >>> 0, i * 4);
  }
  for (let i = words * 4; i < buffer.length; i++) buffer[i] = (x >>> (8 * (i % 4))) & 0xff;
  return buffer;
}
