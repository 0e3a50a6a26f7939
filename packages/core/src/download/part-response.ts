import type { Hash } from 'node:crypto';
import { FileHostError, IntegrityError } from '../errors/index.js';
import { type Md5Unavailable, objectMd5 } from './etag.js';
import type { FileHostResponse } from './file-host-request.js';
import {
  hostStatusError,
  parseContentLength,
  parseContentRange,
  readS3ErrorCode,
} from './file-host-response.js';

/** What one part's download has learnt so far, carried across its attempts. */
export interface PartState {
  /** Bytes of this part safely in the file (with `end`: the offset in the part reached). */
  reached: number;
  /**
   * Exclusive end of the byte span this state covers, when a connection fetches a range
   * of the part (`Range: bytes=reached-(end-1)`) rather than the part to its end.
   */
  end?: number;
  /** The part's size, from the first answer. */
  length?: number;
  etag?: string;
  /** The MD5 the ETag vouches for, when S3's rules say it is one. */
  expectedMd5?: string;
  /** Why there is no `expectedMd5` (multipart, SSE-KMS...). */
  md5Unavailable?: Md5Unavailable;
  /** MD5 of the bytes in the file so far, when the ETag lets us check it at the end. */
  hash?: Hash;
  /** 403s in a row on URLs that never worked: two means access is really denied. */
  rejectedFreshUrls: number;
  /** Whether the current URL has produced a 2xx (so a 403 now means it expired). */
  urlWorked: boolean;
}

export function newPartState(): PartState {
  return { reached: 0, rejectedFreshUrls: 0, urlWorked: false };
}

/** Internal signal: the URL was refused (expired); get a fresh one and go on at the same byte. */
export class UrlRefused extends Error {
  constructor(s3Code: string | undefined) {
    super(
      `the file host refused the URL (403${s3Code ? ` ${s3Code}` : ''}): asking for a fresh one`,
    );
    this.name = 'UrlRefused';
  }
}

/**
 * Checks a file host answer before a single byte of it is written. Returns true when
 * the host ignored our `Range` (a 200 to a resume) and the part must restart.
 * On a throw the caller cancels the body.
 */
export async function checkPartResponse(
  response: FileHostResponse,
  state: PartState,
  part: string,
): Promise<boolean> {
  const { status } = response;
  if (status === 403) {
    const s3Code = await readS3ErrorCode(response);
    if (!state.urlWorked && ++state.rejectedFreshUrls >= 2) {
      throw hostStatusError(status, part, s3Code);
    }
    throw new UrlRefused(s3Code);
  }
  if (status !== 200 && status !== 206) {
    throw hostStatusError(status, part, await readS3ErrorCode(response));
  }
  state.urlWorked = true;
  state.rejectedFreshUrls = 0;
  const encoding = response.headers.get('content-encoding');
  if (encoding && encoding.toLowerCase() !== 'identity') {
    throw new FileHostError(
      `the file host sent ${JSON.stringify(part)} with Content-Encoding ${encoding}: its bytes cannot be verified`,
      part,
      undefined,
    );
  }
  if (status === 200 && state.end !== undefined) {
    throw new FileHostError(
      `the file host ignored a Range request for ${JSON.stringify(part)}: download it with connections: 1`,
      part,
      undefined,
    );
  }
  const restart = status === 200 && state.reached > 0;
  const length = status === 200 ? full(response, part) : ranged(response, state, part);
  const etag = response.headers.get('etag') ?? undefined;
  if (!restart && state.reached > 0) {
    if (state.etag !== undefined && etag !== undefined && etag !== state.etag) {
      throw new IntegrityError(
        `${JSON.stringify(part)} changed on the file host during the download (ETag ${state.etag} became ${etag})`,
        'etag',
        part,
        state.etag,
        etag,
      );
    }
  } else {
    state.etag = etag;
    const md5 = objectMd5(response.headers);
    state.expectedMd5 = md5.md5;
    state.md5Unavailable = md5.unavailable;
  }
  if (state.length !== undefined && length !== state.length) {
    throw new IntegrityError(
      `${JSON.stringify(part)} changed size on the file host during the download (${state.length} then ${length} bytes)`,
      'length',
      part,
      state.length,
      length,
    );
  }
  state.length = length;
  return restart;
}

function full(response: FileHostResponse, part: string): number {
  const length = parseContentLength(response.headers.get('content-length'));
  if (length === undefined) {
    throw new FileHostError(
      `the file host sent ${JSON.stringify(part)} without a Content-Length: its size cannot be verified`,
      part,
      undefined,
    );
  }
  return length;
}

function ranged(response: FileHostResponse, state: PartState, part: string): number {
  const header = response.headers.get('content-range');
  const range = parseContentRange(header);
  const declared = parseContentLength(response.headers.get('content-length'));
  if (
    !range ||
    range.start !== state.reached ||
    range.end !== (state.end ?? range.total) - 1 ||
    (declared !== undefined && declared !== range.end - range.start + 1)
  ) {
    throw new IntegrityError(
      `the file host answered the resume of ${JSON.stringify(part)} at byte ${state.reached} with Content-Range ${JSON.stringify(header)}`,
      'content-range',
      part,
      `bytes ${state.reached}-`,
      header ?? '',
    );
  }
  return range.total;
}
