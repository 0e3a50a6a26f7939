import { IntegrityError } from '../errors/index.js';
import type { Md5Unavailable } from './etag.js';
import type { PartState } from './part-response.js';

/** A check that ran on a part: its byte count against the host's, its MD5 against the ETag. */
export type PartCheck = 'size' | 'md5';

/** A part as it ended up in the file. */
export interface PartResult {
  bytes: number;
  /** The MD5 computed while streaming, when the host's ETag let us verify it. */
  md5: string | undefined;
  /** The checks this part passed; `md5` only when S3's rules say the ETag is one. */
  verified: PartCheck[];
  md5Unavailable: Md5Unavailable | undefined;
}

/** Checks a complete part's MD5 (when its ETag allows) and says what it is. */
export function finishPart(label: string, state: PartState): PartResult {
  const md5 = state.hash?.digest('hex');
  if (md5 !== undefined && md5 !== state.expectedMd5) {
    throw new IntegrityError(
      `${JSON.stringify(label)} is corrupt: its MD5 is ${md5} but the file host's ETag says ${state.expectedMd5}`,
      'md5',
      label,
      state.expectedMd5 ?? '',
      md5,
    );
  }
  return {
    bytes: state.reached,
    md5,
    // The byte count always matched the length the host declared (shorter bodies resume).
    verified: md5 === undefined ? ['size'] : ['size', 'md5'],
    md5Unavailable: md5 === undefined ? (state.md5Unavailable ?? 'no-etag') : undefined,
  };
}
