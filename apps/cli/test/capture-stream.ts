import { PassThrough } from 'node:stream';
import type { OutputStream } from '../src/deps.js';

/**
 * A stream the CLI can write to in a test, and all that was written. `isTTY` makes it pass
 * for a terminal (120 columns), with the cursor moves a spinner makes shown as escape codes.
 */
export function captureStream(opts: { isTTY?: boolean } = {}): {
  stream: OutputStream;
  text: () => string;
} {
  const stream: PassThrough & { isTTY?: boolean; columns?: number } = new PassThrough();
  if (opts.isTTY !== undefined) {
    Object.assign(stream, {
      isTTY: opts.isTTY,
      columns: 120,
      cursorTo: (x: number) => stream.write(`\x1b[${x + 1}G`),
      clearLine: () => stream.write('\x1b[2K'),
      moveCursor: () => true,
    });
  }
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { stream, text: () => text };
}
