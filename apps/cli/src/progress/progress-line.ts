import { type DownloadProgress, describeProgress } from '@c66-backup/core';

/**
 * `12 MB of 100 MB (12%) at 4 MB/s, 22s left, part 1 of 3`: the core's words for the
 * progress, laid out as one plain line (the bar shows the percent itself).
 */
export function progressLine(p: DownloadProgress, opts: { percent?: boolean } = {}): string {
  const d = describeProgress(p);
  const pct = opts.percent === false || d.percent === null ? '' : ` (${d.percent}%)`;
  const rest = [d.timeLeft, d.part].filter((text) => text !== undefined);
  return [`${d.size}${pct}${d.rate ? ` at ${d.rate}` : ''}`, ...rest].join(', ');
}
