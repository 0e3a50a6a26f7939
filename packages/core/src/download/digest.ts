import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Size and SHA-256 of some bytes. */
export interface Digest {
  bytes: number;
  sha256: string;
}

/** Size and SHA-256 of a stream, read once without holding it in memory. */
export async function digest(stream: AsyncIterable<Uint8Array>): Promise<Digest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Size and SHA-256 of a file. */
export function digestFile(path: string): Promise<Digest> {
  return digest(createReadStream(path));
}
