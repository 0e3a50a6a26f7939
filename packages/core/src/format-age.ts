const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How old something is, in its two largest units: `45s`, `12m`, `6h 05m`, `2d 03h`.
 * Negative ages (a server clock ahead of ours) read as `0s`.
 */
export function formatAge(ms: number): string {
  const age = Math.max(0, ms);
  if (age < MINUTE) return `${Math.floor(age / 1000)}s`;
  if (age < HOUR) return `${Math.floor(age / MINUTE)}m`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (age < DAY) return `${Math.floor(age / HOUR)}h ${pad(Math.floor((age % HOUR) / MINUTE))}m`;
  return `${Math.floor(age / DAY)}d ${pad(Math.floor((age % DAY) / HOUR))}h`;
}
