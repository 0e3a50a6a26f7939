import { describe, expect, it } from 'vitest';
import { describeProgress } from './describe-progress.js';
import type { DownloadProgress } from './progress.js';

const MB = 1024 * 1024;
const progress = (extra: Partial<DownloadProgress> = {}): DownloadProgress => ({
  bytes: 12 * MB,
  totalBytes: 48 * MB,
  part: 2,
  parts: 3,
  connections: 8,
  bytesPerSecond: 3 * MB,
  etaSeconds: 12,
  ...extra,
});

describe('describeProgress', () => {
  it('gives percent, bytes of total, rate, time left and the part', () => {
    expect(describeProgress(progress())).toEqual({
      percent: 25,
      size: '12 MB of 48 MB',
      rate: '3 MB/s',
      timeLeft: '12s left',
      part: 'part 2 of 3',
    });
  });

  it('leaves out what is not known yet', () => {
    expect(
      describeProgress(
        progress({ bytes: 0, totalBytes: null, parts: 1, bytesPerSecond: 0, etaSeconds: null }),
      ),
    ).toEqual({
      percent: null,
      size: '0 B',
      rate: undefined,
      timeLeft: undefined,
      part: undefined,
    });
  });

  it('never shows 100% before the last byte, nor more than 100%', () => {
    expect(describeProgress(progress({ bytes: 48 * MB - 1 })).percent).toBe(99);
    expect(describeProgress(progress({ bytes: 48 * MB, etaSeconds: 0 }))).toMatchObject({
      percent: 100,
      timeLeft: '0s left',
    });
    expect(describeProgress(progress({ bytes: 50 * MB })).percent).toBe(100);
  });

  it('reads minutes and hours the way formatDuration does', () => {
    expect(describeProgress(progress({ etaSeconds: 150 })).timeLeft).toBe('2m 30s left');
    expect(describeProgress(progress({ etaSeconds: 3720 })).timeLeft).toBe('1h 02m left');
  });
});
