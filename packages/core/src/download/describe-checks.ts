import type { Md5Unavailable } from './etag.js';
import type { DownloadResult, VerifiedCheck } from './options.js';

const CHECK_NAMES: Record<VerifiedCheck, string> = {
  size: 'size',
  md5: 'MD5',
  backup_size: 'backup_size',
};

const WHY_NO_MD5: Record<Md5Unavailable, string> = {
  multipart: "a multipart upload's ETag is not an MD5",
  'sse-kms': "an SSE-KMS object's ETag is not an MD5",
  'sse-c': "an SSE-C object's ETag is not an MD5",
  'not-md5': 'the ETag is not an MD5',
  'no-etag': 'the file host sent no ETag',
};

/**
 * What a download checked, for people: `checked size, MD5, backup_size`, or with the
 * reason a check could not run (`MD5 not checked: an SSE-KMS object's ETag is not an
 * MD5`). Never more than what ran.
 */
export function describeChecks(
  result: Pick<DownloadResult, 'verified'> & {
    parts?: DownloadResult['parts'];
  },
): string {
  const ran = `checked ${result.verified.map((c) => CHECK_NAMES[c]).join(', ')}`;
  if (result.verified.includes('md5')) return ran;
  const reason = result.parts?.find((p) => p.md5Unavailable)?.md5Unavailable;
  return `${ran}; MD5 not checked${reason ? `: ${WHY_NO_MD5[reason]}` : ''}`;
}
