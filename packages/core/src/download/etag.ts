// A single-part S3 upload's ETag is the hex MD5 of the object; multipart ones end in `-N`.
const PLAIN_MD5_ETAG = /^"?([0-9a-f]{32})"?$/i;
const MULTIPART_ETAG = /^"?[0-9a-f]{32}-\d+"?$/i;

/** The MD5 (lower-case hex) an ETag vouches for, or undefined when it is not a plain MD5. */
export function md5FromEtag(etag: string | null | undefined): string | undefined {
  if (!etag) return undefined;
  return PLAIN_MD5_ETAG.exec(etag.trim())?.[1]?.toLowerCase();
}

/** Why an object's MD5 cannot be checked (S3's ETag rules), for reports. */
export type Md5Unavailable = 'no-etag' | 'multipart' | 'sse-kms' | 'sse-c' | 'not-md5';

/**
 * What an S3 answer's ETag says about the bytes, by AWS's rules: the ETag is the
 * object's MD5 only for a single-part upload that is not encrypted with SSE-KMS
 * (`x-amz-server-side-encryption: aws:kms` or `aws:kms:dsse`) or SSE-C (the
 * `...-customer-algorithm` header). SSE-S3 (`AES256`) keeps the MD5. A 32-hex ETag
 * on a KMS object looks like an MD5 but is not one: comparing it would call a good
 * backup corrupt.
 */
export function objectMd5(headers: {
  get(name: string): string | null;
}): { md5: string; unavailable?: undefined } | { md5?: undefined; unavailable: Md5Unavailable } {
  const etag = headers.get('etag');
  if (!etag) return { unavailable: 'no-etag' };
  const sse = headers.get('x-amz-server-side-encryption')?.trim().toLowerCase();
  if (sse?.startsWith('aws:kms')) return { unavailable: 'sse-kms' };
  if (headers.get('x-amz-server-side-encryption-customer-algorithm')) {
    return { unavailable: 'sse-c' };
  }
  if (MULTIPART_ETAG.test(etag.trim())) return { unavailable: 'multipart' };
  const md5 = md5FromEtag(etag);
  return md5 ? { md5 } : { unavailable: 'not-md5' };
}
