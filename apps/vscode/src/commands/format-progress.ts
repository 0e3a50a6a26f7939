import { type DownloadProgress, describeProgress } from '@c66-backup/core';

/** `12 MB of 48 MB · 3 MB/s · 11s left · part 2 of 3`: the core's words, one notification line. */
export function formatProgress(p: DownloadProgress): string {
  const { size, rate, timeLeft, part } = describeProgress(p);
  return [size, rate, timeLeft, part].filter((text) => text !== undefined).join(' · ');
}
