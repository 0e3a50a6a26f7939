// A single-part S3 upload's ETag is the hex MD5 of the object; multipart ones end in `-N`.
const PLAIN_MD5_ETAG = /^"?([0-9a-f]{32})"?$/i;

/** The MD5 (lower-case hex) an ETag vouches for, or undefined when it is not a plain MD5. */
export function md5FromEtag(etag: string | null | undefined): string | undefined {
  if (!etag) return undefined;
  return PLAIN_MD5_ETAG.exec(etag.trim())?.[1]?.toLowerCase();
}
