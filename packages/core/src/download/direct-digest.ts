import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Client } from '../client.js';
import { type Digest, digest } from './digest.js';
import { orderParts } from './part-order.js';

/**
 * Size and SHA-256 of a backup fetched the plain way, independent of the download engine:
 * each file's presigned URL, one GET per file with Node's fetch, the parts joined in order.
 * The oracle the apps' end-to-end tests compare their downloads with. The URL is a secret:
 * errors never show it.
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
