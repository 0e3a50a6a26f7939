import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readAll } from '../../../test/helpers.js';
import { BackupContent } from './backup-content.js';
import { ustarHeader } from './tar-header.js';

const MiB = 1024 * 1024;

function checksumOk(header: Buffer): boolean {
  const stored = Number.parseInt(header.subarray(148, 154).toString('ascii'), 8);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] as number);
  return sum === stored;
}

describe('backup content', () => {
  const content = new BackupContent(3 * MiB + 512 * 7, 12345, 'shop.sql', Date.UTC(2026, 0, 1));

  it('is exactly size bytes and the same at any offset as in the whole stream', async () => {
    const whole = await readAll(content.stream());
    expect(whole.length).toBe(content.size);
    for (const [start, length] of [
      [0, 700],
      [511, 2],
      [65_530, 70_000],
      [content.size - 3000, 3000],
    ] as const) {
      const piece = content.fill(Buffer.alloc(length), start);
      expect(piece.equals(whole.subarray(start, start + length))).toBe(true);
    }
    const again = await readAll(content.stream(1000, 2 * MiB));
    expect(again.equals(whole.subarray(1000, 2 * MiB))).toBe(true);
  });

  it('starts with a valid ustar header and ends with zero blocks', async () => {
    const whole = await readAll(content.stream());
    const header = whole.subarray(0, 512);
    expect(header.subarray(257, 263).toString('ascii')).toBe('ustar\u0000');
    expect(header.subarray(0, 8).toString('ascii')).toBe('shop.sql');
    expect(checksumOk(header)).toBe(true);
    const dataSize = Number.parseInt(header.subarray(124, 135).toString('ascii'), 8);
    const paddedEnd = 512 + Math.ceil(dataSize / 512) * 512;
    expect(whole.length - paddedEnd).toBeGreaterThanOrEqual(1024);
    expect(whole.subarray(512 + dataSize).every((b) => b === 0)).toBe(true);
  });

  it('varies every 64 KiB block and every backup', async () => {
    const whole = await readAll(content.stream(512, 512 + 40 * 65_536));
    const hashes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      hashes.add(
        createHash('md5')
          .update(whole.subarray(i * 65_536, (i + 1) * 65_536))
          .digest('hex'),
      );
    }
    expect(hashes.size).toBe(40);
    const other = new BackupContent(content.size, 54321, 'shop.sql', Date.UTC(2026, 0, 1));
    expect(
      other.fill(Buffer.alloc(4096), 8192).equals(content.fill(Buffer.alloc(4096), 8192)),
    ).toBe(false);
  });

  it('writes sizes of 8 GiB and more in GNU base-256', () => {
    const header = ustarHeader('big.sql', 9 * 1024 ** 3, 0);
    expect(header[124]).toBe(0x80);
    expect(header.readUIntBE(130, 6)).toBe(9 * 1024 ** 3);
    expect(checksumOk(header)).toBe(true);
  });
});
