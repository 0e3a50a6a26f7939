import { describe, expect, it } from 'vitest';
import { type DownloadProgress, ProgressReporter } from './progress.js';

function reporter(totalBytes: number | null) {
  let now = 0;
  const seen: DownloadProgress[] = [];
  const progress = new ProgressReporter((p) => seen.push(p), {
    parts: 2,
    totalBytes,
    now: () => now,
  });
  return { progress, seen, advance: (ms: number) => (now += ms) };
}

describe('ProgressReporter', () => {
  it('reports at most every 100 ms, plus a final callback', () => {
    const { progress, seen, advance } = reporter(10_000);
    for (let i = 0; i < 100; i++) {
      advance(10);
      progress.add(100);
    }
    progress.finish();
    // 1 s of updates every 10 ms: about ten callbacks, not a hundred.
    expect(seen.length).toBeLessThanOrEqual(12);
    expect(seen.at(-1)).toMatchObject({ bytes: 10_000, totalBytes: 10_000, etaSeconds: 0 });
  });

  it('computes throughput and ETA from recent bytes', () => {
    const { progress, seen, advance } = reporter(10_000);
    advance(1000);
    progress.add(1000);
    expect(seen.at(-1)).toMatchObject({ bytes: 1000, bytesPerSecond: 1000, etaSeconds: 9 });
  });

  it('leaves ETA unknown while the total is, and reports the current part', () => {
    const { progress, seen, advance } = reporter(null);
    progress.setPart(2);
    advance(500);
    progress.add(50);
    expect(seen.at(-1)).toMatchObject({ totalBytes: null, etaSeconds: null, part: 2, parts: 2 });
  });
});
