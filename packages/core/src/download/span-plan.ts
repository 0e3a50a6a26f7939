import type { PartProbe } from './probe-parts.js';

/** A byte span of one part, fetched by one connection: `[from, to)` within the part. */
export interface Span {
  part: number;
  from: number;
  to: number;
  /** The whole rest of the part (no end in the Range): MD5 parts, small parts. */
  open: boolean;
}

/** A good byte range of the joined file, `[start, end)`. */
export type ByteRange = readonly [number, number];

/**
 * The spans still to fetch, in file order (so the in-order frontier advances first). A
 * part whose ETag is an MD5 is one span from its first missing byte to its end: its
 * bytes must pass through one hash in order. Other parts are cut into `spanBytes` pieces
 * around the ranges already `done` (absolute offsets, merged).
 */
export function planSpans(
  probes: readonly PartProbe[],
  done: readonly ByteRange[],
  spanBytes: number,
): Span[] {
  const spans: Span[] = [];
  let offset = 0;
  for (const [part, probe] of probes.entries()) {
    const gaps = missing(offset, offset + probe.length, done).map(
      ([a, b]) => [a - offset, b - offset] as const,
    );
    offset += probe.length;
    if (probe.expectedMd5 !== undefined) {
      // Only a prefix of an MD5 part can be kept (see `keptRanges`), so one gap remains.
      const from = gaps[0]?.[0];
      if (from !== undefined) spans.push({ part, from, to: probe.length, open: true });
      continue;
    }
    for (const [a, b] of gaps) {
      if (a === 0 && b === probe.length && b <= spanBytes) {
        spans.push({ part, from: 0, to: b, open: true });
        continue;
      }
      for (let from = a; from < b; from += spanBytes) {
        spans.push({ part, from, to: Math.min(b, from + spanBytes), open: false });
      }
    }
  }
  return spans;
}

/** `[start, end)` minus the merged, sorted `done` ranges. */
function missing(start: number, end: number, done: readonly ByteRange[]): ByteRange[] {
  const gaps: ByteRange[] = [];
  let at = start;
  for (const [a, b] of done) {
    if (b <= at || a >= end) continue;
    if (a > at) gaps.push([at, Math.min(a, end)]);
    at = Math.max(at, b);
  }
  if (at < end) gaps.push([at, end]);
  return gaps;
}

/** Sorts and joins touching or overlapping ranges, dropping empty ones. */
export function mergeRanges(ranges: readonly ByteRange[]): ByteRange[] {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}
