import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

export interface Digest {
  bytes: number;
  sha256: string;
}

/** Size and SHA-256 of a stream, read once without holding it in memory. */
export async function digest(stream: Readable): Promise<Digest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export function digestFile(path: string): Promise<Digest> {
  return digest(createReadStream(path));
}
