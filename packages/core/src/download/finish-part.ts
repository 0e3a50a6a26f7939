import { IntegrityError } from './errors.js';
import type { PartState } from './part-response.js';

/** A part as it ended up in the file. */
export interface PartResult {
  bytes: number;
  /** The MD5 computed while streaming, when the host's ETag let us verify it. */
  md5: string | undefined;
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
  return { bytes: state.reached, md5 };
}
