// The size of a committed action bundle: every JavaScript file in its dist folder (the two
// entries, index.js and check.js, and the chunks they share), as the runner checks it out.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** `{ files, bytes, gzipBytes }` of the .js files beside `entry`. */
export async function bundleSize(entry) {
  const dist = dirname(entry);
  const files = (await readdir(dist)).filter((f) => f.endsWith('.js')).sort();
  const contents = await Promise.all(files.map((f) => readFile(join(dist, f))));
  const bytes = contents.reduce((sum, c) => sum + c.length, 0);
  return { files, bytes, gzipBytes: gzipSync(Buffer.concat(contents)).length };
}

export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
