import type { DownloadProgress } from '@c66-backup/core';
import { describe, expect, it } from 'vitest';
import { captureStream } from '../../test/capture-stream.js';
import { createDownloadProgress } from './download-progress.js';

const capture = (isTTY: boolean) => captureStream({ isTTY });

const MB = 1024 * 1024;
const progress = (bytes: number, extra: Partial<DownloadProgress> = {}): DownloadProgress => ({
  bytes,
  totalBytes: 100 * MB,
  part: 1,
  parts: 1,
  connections: 8,
  bytesPerSecond: 4 * MB,
  etaSeconds: Math.ceil((100 * MB - bytes) / (4 * MB)),
  ...extra,
});

describe('createDownloadProgress', () => {
  it('prints plain lines at most every interval, and always the final one, off a terminal', () => {
    let now = 0;
    const out = capture(false);
    const display = createDownloadProgress(out.stream, {
      now: () => now,
      intervalMs: 5000,
      label: 'download',
    });
    display.onProgress(progress(0));
    now = 1000;
    display.onProgress(progress(4 * MB));
    now = 5000;
    display.onProgress(progress(20 * MB, { part: 1, parts: 3 }));
    now = 6000;
    display.onProgress(progress(100 * MB, { etaSeconds: 0 }));
    display.onProgress(progress(100 * MB, { etaSeconds: 0 }));
    display.stop();
    expect(out.text().trimEnd().split('\n')).toEqual([
      'download 0 B of 100 MB (0%) at 4 MB/s, 25s left',
      'download 20 MB of 100 MB (20%) at 4 MB/s, 20s left, part 1 of 3',
      'download 100 MB of 100 MB (100%) at 4 MB/s, 0s left',
    ]);
  });

  it('draws a bar with bytes, total, speed and ETA on a terminal', () => {
    const out = capture(true);
    const display = createDownloadProgress(out.stream, { now: () => 0, label: 'download' });
    display.onProgress(progress(50 * MB));
    display.stop();
    expect(out.text()).toContain('50% | 50 MB of 100 MB at');
    expect(out.text()).toContain('4 MB/s');
    expect(out.text()).toContain('13s left');
  });
});
