import { type DownloadProgress, formatBytes } from '@c66-backup/core';
import { formatDuration } from '../duration.js';

/** `12 MB of 100 MB (12%) at 4 MB/s, 22s left, part 1 of 3`: one plain progress line. */
export function describeProgress(p: DownloadProgress, opts: { percent?: boolean } = {}): string {
  const pct = opts.percent === false ? '' : ` (${percent(p)}%)`;
  const size =
    p.totalBytes === null
      ? formatBytes(p.bytes)
      : `${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}${pct}`;
  const eta = p.etaSeconds === null ? '' : `, ${formatDuration(p.etaSeconds * 1000)} left`;
  const part = p.parts > 1 ? `, part ${p.part} of ${p.parts}` : '';
  return `${size} at ${formatBytes(p.bytesPerSecond)}/s${eta}${part}`;
}

export function percent(p: DownloadProgress): number {
  if (!p.totalBytes) return 0;
  return Math.min(100, Math.floor((p.bytes / p.totalBytes) * 100));
}
