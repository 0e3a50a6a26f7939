import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { type Client, orderParts } from '@c66-backup/core';

export interface Digest {
  bytes: number;
  sha256: string;
}

async function digest(stream: AsyncIterable<Uint8Array>): Promise<Digest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

export const digestFile = (file: string) => digest(createReadStream(file));

/**
 * The backup fetched the plain way, independent of the CLI and the core's download engine:
 * each file's presigned URL, one GET with Node's fetch, parts joined in order. The URL is a
 * secret: errors never show it.
 */
export async function directDigest(
  client: Client,
  stackUid: string,
  backupId: number,
): Promise<Digest> {
  const files = await client.files.list(stackUid, backupId).toArray();
  async function* joined() {
    for (const file of orderParts(files).parts) {
      const { publicUrl } = await client.files.get(stackUid, backupId, file.id);
      const response = await fetch(publicUrl);
      if (!response.ok || !response.body) {
        throw new Error(`fetching file ${file.id} through its URL answered ${response.status}`);
      }
      yield* Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    }
  }
  return digest(joined());
}
