import { describe, expect, it } from 'vitest';
import { formatProgress } from './format-progress.js';

describe('formatProgress', () => {
  it('shows bytes of total, speed, time left and the part', () => {
    expect(
      formatProgress({
        bytes: 12 * 1024 * 1024,
        totalBytes: 48 * 1024 * 1024,
        part: 2,
        parts: 3,
        connections: 8,
        bytesPerSecond: 3 * 1024 * 1024,
        etaSeconds: 12,
      }),
    ).toBe('12 MB of 48 MB · 3 MB/s · 12s left · part 2 of 3');
  });

  it('leaves out what is not known yet', () => {
    expect(
      formatProgress({
        bytes: 0,
        totalBytes: null,
        part: 1,
        parts: 1,
        connections: 8,
        bytesPerSecond: 0,
        etaSeconds: null,
      }),
    ).toBe('0 B');
    expect(
      formatProgress({
        bytes: 1536,
        totalBytes: 4096,
        part: 1,
        parts: 1,
        connections: 8,
        bytesPerSecond: 1024,
        etaSeconds: 150,
      }),
    ).toBe('1.5 KB of 4 KB · 1 KB/s · 2m 30s left');
  });
});
