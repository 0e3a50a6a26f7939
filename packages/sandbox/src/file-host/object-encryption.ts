import { createHash } from 'node:crypto';
import type { ObjectEncryption } from '../world/model.js';

/**
 * The ETag and headers S3 sends for an object stored with `encryption`. SSE-S3 keeps
 * the MD5 ETag; SSE-KMS and SSE-C give 32 hex digits that are not the MD5 of the bytes
 * (AWS: "Objects encrypted by SSE-C or SSE-KMS have ETags that are not an MD5 digest").
 */
export function encryptedObject(
  encryption: ObjectEncryption | undefined,
  md5Etag: string,
  key: string,
): { etag: string; headers: Record<string, string> } {
  if (encryption === undefined) return { etag: md5Etag, headers: {} };
  if (encryption === 'AES256') {
    return { etag: md5Etag, headers: { 'x-amz-server-side-encryption': 'AES256' } };
  }
  const opaque = `"${createHash('md5').update(`${encryption}:${key}`).digest('hex')}"`;
  // A multipart object stays multipart: only a plain ETag is replaced.
  const etag = md5Etag.includes('-') ? md5Etag : opaque;
  if (encryption === 'aws:kms') {
    return {
      etag,
      headers: {
        'x-amz-server-side-encryption': 'aws:kms',
        'x-amz-server-side-encryption-aws-kms-key-id':
          'arn:aws:kms:us-east-1:000000000000:key/00000000-sandbox-0000-0000-000000000000',
      },
    };
  }
  return {
    etag,
    headers: {
      'x-amz-server-side-encryption-customer-algorithm': 'AES256',
      'x-amz-server-side-encryption-customer-key-MD5': 'c2FuZGJveC1jdXN0b21lci1rZXk=',
    },
  };
}
