import type { AtomicFile } from './atomic-file.js';
import { md5OfRange } from './hash-file-range.js';
import type { BackupFileRef } from './part-order.js';
import { newPartState, type PartState } from './part-response.js';
import { type PartialRecord, readRecord } from './partial-record.js';

export interface KeptProgress {
  /** One state per part: complete, partly there (resume with Range) or fresh. */
  states: PartState[];
  /** Bytes of the `.part` kept; everything after was cut. */
  kept: number;
}

/**
 * Picks up a `.part` an earlier run kept: trusted only as far as its record (same stack,
 * backup and parts) vouches, with plain-MD5 parts re-hashed from disk so their MD5 still
 * covers every byte. Anything else starts from an empty `.part`.
 */
export async function pickUpKeptPart(
  file: AtomicFile,
  plan: { stackUid: string; backupId: number; parts: readonly BackupFileRef[] },
): Promise<KeptProgress> {
  const states = plan.parts.map(() => newPartState());
  const record =
    file.existingBytes > 0
      ? await readRecord(file.partPath, { ...plan, partIds: plan.parts.map((p) => p.id) })
      : undefined;
  if (!record || record.bytes > file.existingBytes) {
    await file.truncate(0);
    return { states, kept: 0 };
  }
  let offset = 0;
  for (const [index, part] of record.parts.entries()) {
    const state = states[index];
    if (!state || offset >= record.bytes) break;
    if (part.length === undefined) break; // bytes past an unknown length cannot be placed
    state.reached = Math.min(part.length, record.bytes - offset);
    state.length = part.length;
    if (part.etag !== undefined) state.etag = part.etag;
    // Only what the record says S3's rules allowed (an older record: no MD5 claimed).
    state.expectedMd5 = part.md5;
    state.md5Unavailable = part.md5 ? undefined : (part.md5Unavailable ?? 'not-md5');
    if (state.expectedMd5) state.hash = await md5OfRange(file.handle, offset, state.reached);
    offset += state.reached;
  }
  await file.truncate(offset);
  return { states, kept: offset };
}

/** The record to leave beside a kept `.part`: good bytes up to `bytes`. */
export function keptRecord(
  plan: { stackUid: string; backupId: number; parts: readonly BackupFileRef[] },
  states: readonly PartState[],
  bytes: number,
): PartialRecord {
  return {
    version: 1,
    stackUid: plan.stackUid,
    backupId: plan.backupId,
    bytes,
    parts: plan.parts.map((part, i) => {
      const state = states[i];
      return {
        id: part.id,
        ...(state?.length !== undefined && { length: state.length }),
        ...(state?.etag !== undefined && { etag: state.etag }),
        ...(state?.expectedMd5 !== undefined && { md5: state.expectedMd5 }),
        ...(state?.md5Unavailable !== undefined && { md5Unavailable: state.md5Unavailable }),
      };
    }),
  };
}
