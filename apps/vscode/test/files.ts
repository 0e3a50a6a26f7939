import { readdir, readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';

export async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Every file in a folder (names only), to prove nothing was left behind. */
export async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

export { readFile };
