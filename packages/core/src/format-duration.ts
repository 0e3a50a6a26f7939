/**
 * A span of time for humans, in its two largest units, seconds rounded: `45s`, `3m 05s`,
 * `1h 02m`. The same shape as {@link formatAge}, so a log reads one way throughout.
 * Negative spans read as `0s`.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}
