// Small numeric helpers shared by the sections.
export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `512 MiB/s` for `bytes` moved in `ms`. */
export function mibps(bytes, ms) {
  return `${(bytes / MiB / (ms / 1000)).toFixed(0)} MiB/s`;
}

/** `1.20, 1.31 s`: each run, for the detail column. */
export function secs(list) {
  return list.map((m) => (m / 1000).toFixed(2)).join(', ');
}

export function gib(bytes) {
  return `${+(bytes / GiB).toFixed(2)} GiB`;
}
