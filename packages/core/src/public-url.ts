/**
 * Cloud 66 percent-encodes the presigned URL's signature twice (`%252F` where S3 expects
 * `%2F`); like the official client, turn every `%25` back into `%`.
 */
export function undoDoubleEncoding(publicUrl: string): string {
  return publicUrl.replaceAll('%25', '%');
}
