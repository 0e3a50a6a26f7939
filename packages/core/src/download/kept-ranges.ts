import type { Hash } from 'node:crypto';
import type { AtomicFile } from './atomic-file.js';
import { md5OfRange } from './hash-file-range.js';
import type { BackupFileRef } from './part-order.js';
import type { PartialRecord } from './partial-record.js';
import { readRecord } from './partial-record.js';
import type { PartProbe } from './probe-parts.js';
import { type ByteRange, mergeRanges } from './span-plan.js';

interface Plan {
  stackUid: string;
  backupId: number;
  parts: readonly BackupFileRef[];
}

export interface KeptRanges {
  /** Good byte ranges of the `.part` (absolute, merged). */
  done: ByteRange[];
  /** MD5 state of the kept prefix of each plain-MD5 part, by part index. */
  hashes: Map<number, Hash>;
}

/**
 * What a kept `.part` still vouches for, for a parallel resume: its record must name this
 * backup and parts with the sizes and ETags the host declares now. Of a plain-MD5 part
 * only the prefix counts (its bytes pass through one hash in order), re-hashed from disk.
 */
export async function pickUpKeptRanges(
  file: AtomicFile,
  plan: Plan,
  probes: readonly PartProbe[],
): Promise<KeptRanges> {
  const none: KeptRanges = { done: [], hashes: new Map() };
  if (file.existingBytes === 0) return none;
  const record = await readRecord(file.partPath, { ...plan, partIds: plan.parts.map((p) => p.id) });
  const same = record?.parts.every(
    (p, i) =>
      p.length === probes[i]?.length && (p.etag === undefined || p.etag === probes[i]?.etag),
  );
  if (!record || !same) return none;
  const recorded = mergeRanges(record.ranges ?? [[0, record.bytes]]);
  const done: ByteRange[] = [];
  const hashes = new Map<number, Hash>();
  let offset = 0;
  for (const [index, probe] of probes.entries()) {
    const end = offset + probe.length;
    const inside = recorded
      .map(([a, b]) => [Math.max(a, offset), Math.min(b, end, file.existingBytes)] as const)
      .filter(([a, b]) => b > a);
    if (probe.expectedMd5 === undefined) done.push(...inside);
    else if (inside[0]?.[0] === offset) {
      done.push(inside[0]);
      hashes.set(index, await md5OfRange(file.handle, offset, inside[0][1] - offset));
    }
    offset = end;
  }
  return { done: mergeRanges(done), hashes };
}

/** The record to leave beside a kept `.part` of a parallel download. */
export function rangesRecord(
  plan: Plan,
  probes: readonly PartProbe[],
  good: readonly ByteRange[],
): PartialRecord {
  const ranges = mergeRanges(good).map(([a, b]) => [a, b] as [number, number]);
  const first = ranges[0];
  return {
    version: 1,
    stackUid: plan.stackUid,
    backupId: plan.backupId,
    bytes: first && first[0] === 0 ? first[1] : 0,
    parts: plan.parts.map((part, i) => ({
      id: part.id,
      length: probes[i]?.length ?? 0,
      ...(probes[i]?.etag !== undefined && { etag: probes[i]?.etag }),
      ...(probes[i]?.expectedMd5 !== undefined && { md5: probes[i]?.expectedMd5 }),
      ...(probes[i]?.md5Unavailable !== undefined && {
        md5Unavailable: probes[i]?.md5Unavailable,
      }),
    })),
    ranges,
  };
}
