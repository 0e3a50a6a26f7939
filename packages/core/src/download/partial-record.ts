import { readFile, rm, writeFile } from 'node:fs/promises';
import type { Md5Unavailable } from './etag.js';

/**
 * What a kept `.part` holds, written beside it (`<target>.part.json`) when a download
 * stops with `keepPartial`. A later run with `resume` trusts the `.part` only if the
 * record names the same backup and parts; the ETags then make the host prove the
 * object did not change, and plain-MD5 parts are re-hashed from disk.
 */
export interface PartialRecord {
  version: 1;
  stackUid: string;
  backupId: number;
  /** Bytes at the start of the `.part` that are known good. */
  bytes: number;
  /** Every part in joining order, with what the host declared for it so far. */
  parts: {
    id: string;
    length?: number;
    etag?: string;
    /** The MD5 the ETag vouched for (S3's rules); absent: the part's MD5 is not checked. */
    md5?: string;
    md5Unavailable?: Md5Unavailable;
  }[];
  /**
   * All good byte ranges `[start, end)` of the `.part`, merged (a parallel download
   * leaves holes); `bytes` is then the first range's end when it starts at 0.
   */
  ranges?: [number, number][];
}

export const recordPath = (partPath: string) => `${partPath}.json`;

export async function writeRecord(partPath: string, record: PartialRecord): Promise<void> {
  await writeFile(recordPath(partPath), `${JSON.stringify(record, null, 2)}\n`);
}

export async function removeRecord(partPath: string): Promise<void> {
  await rm(recordPath(partPath), { force: true });
}

/** The record of an earlier run for exactly this backup and these parts, else undefined. */
export async function readRecord(
  partPath: string,
  expected: { stackUid: string; backupId: number; partIds: readonly string[] },
): Promise<PartialRecord | undefined> {
  let record: PartialRecord;
  try {
    record = JSON.parse(await readFile(recordPath(partPath), 'utf8')) as PartialRecord;
  } catch {
    return undefined;
  }
  const sameParts =
    Array.isArray(record.parts) &&
    record.parts.length === expected.partIds.length &&
    record.parts.every((part, i) => part?.id === expected.partIds[i]);
  const valid =
    record.version === 1 &&
    record.stackUid === expected.stackUid &&
    record.backupId === expected.backupId &&
    Number.isSafeInteger(record.bytes) &&
    record.bytes >= 0 &&
    (record.ranges === undefined || validRanges(record.ranges)) &&
    sameParts;
  return valid ? record : undefined;
}

function validRanges(ranges: unknown): boolean {
  return (
    Array.isArray(ranges) &&
    ranges.every(
      (r) =>
        Array.isArray(r) &&
        r.length === 2 &&
        Number.isSafeInteger(r[0]) &&
        Number.isSafeInteger(r[1]) &&
        r[0] >= 0 &&
        r[1] >= r[0],
    )
  );
}
