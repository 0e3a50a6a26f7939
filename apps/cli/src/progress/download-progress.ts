import { type DownloadProgress, describeProgress } from '@c66-backup/core';
import { SingleBar } from 'cli-progress';
import type { OutputStream } from '../deps.js';
import { progressLine } from './progress-line.js';

/** Shows download progress; `stop()` ends the display (also after a failure). */
export interface ProgressDisplay {
  onProgress: (progress: DownloadProgress) => void;
  stop: () => void;
}

/**
 * A bar (bytes, total, speed, ETA) when `stream` is a terminal; otherwise a plain line at
 * most every `intervalMs`, so logs of CI jobs stay readable.
 */
export function createDownloadProgress(
  stream: OutputStream,
  opts: { now: () => number; intervalMs?: number; label: string },
): ProgressDisplay {
  return stream.isTTY ? barDisplay(stream, opts.label) : lineDisplay(stream, opts);
}

function barDisplay(stream: OutputStream, label: string): ProgressDisplay {
  const bar = new SingleBar({
    stream,
    format: `${label} {bar} {pct}% | {text}`,
    barsize: 24,
    hideCursor: false,
    // The CLI owns SIGINT: it aborts the download, then stops the bar in `finally`.
    gracefulExit: false,
    fps: 10,
  });
  let started = false;
  return {
    onProgress(p) {
      const payload = {
        pct: describeProgress(p).percent ?? 0,
        text: progressLine(p, { percent: false }),
      };
      const total = p.totalBytes ?? Math.max(p.bytes, 1);
      if (!started) {
        started = true;
        bar.start(total, p.bytes, payload);
      } else {
        if (bar.getTotal() !== total) bar.setTotal(total);
        bar.update(p.bytes, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

function lineDisplay(
  stream: OutputStream,
  opts: { now: () => number; intervalMs?: number; label: string },
): ProgressDisplay {
  const intervalMs = opts.intervalMs ?? 5000;
  let last = Number.NEGATIVE_INFINITY;
  let finished = false;
  return {
    onProgress(p) {
      const now = opts.now();
      const done = p.totalBytes !== null && p.bytes >= p.totalBytes;
      if (finished || (now - last < intervalMs && !done)) return;
      last = now;
      finished = done;
      stream.write(`${opts.label} ${progressLine(p)}\n`);
    },
    stop() {},
  };
}
