import { createHash } from 'node:crypto';
import type { BackupContent } from './objects/backup-content.js';

/** Files up to this size get a plain MD5 ETag, like S3 single-part uploads. */
export const PLAIN_ETAG_LIMIT = 64 * 1024 * 1024;
const MULTIPART_CHUNK = 8 * 1024 * 1024;

/** Caches the ETag of every served file: a quoted MD5, or `"<md5>-N"` for big files. */
export class EtagCache {
  private readonly cache = new Map<string, Promise<string>>();

  get(key: string, content: BackupContent, offset: number, size: number): Promise<string> {
    let etag = this.cache.get(key);
    if (!etag) {
      etag = size <= PLAIN_ETAG_LIMIT ? plainEtag(content, offset, size) : multipartEtag(key, size);
      this.cache.set(key, etag);
    }
    return etag;
  }
}

async function plainEtag(content: BackupContent, offset: number, size: number): Promise<string> {
  const md5 = createHash('md5');
  let pending = 0;
  for (const chunk of content.chunks(offset, offset + size)) {
    md5.update(chunk);
    // Yield now and then so hashing 64 MiB does not block other requests.
    pending += chunk.length;
    if (pending >= 8 * 1024 * 1024) {
      pending = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return `"${md5.digest('hex')}"`;
}

async function multipartEtag(key: string, size: number): Promise<string> {
  const parts = Math.ceil(size / MULTIPART_CHUNK);
  return `"${createHash('md5').update(key).digest('hex')}-${parts}"`;
}
