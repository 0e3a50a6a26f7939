import { type DownloadProgress, formatBytes } from '@c66-backup/core';

/** `12 MB of 48 MB · 3.2 MB/s · 11 s left · part 2 of 3` */
export function formatProgress(p: DownloadProgress): string {
  const parts = [
    p.totalBytes === null
      ? formatBytes(p.bytes)
      : `${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}`,
  ];
  if (p.bytesPerSecond > 0) parts.push(`${formatBytes(p.bytesPerSecond)}/s`);
  if (p.etaSeconds !== null && p.bytes > 0) parts.push(`${formatDuration(p.etaSeconds)} left`);
  if (p.parts > 1) parts.push(`part ${p.part} of ${p.parts}`);
  return parts.join(' · ');
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
