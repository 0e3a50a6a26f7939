import type { Hash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { PositionalWriter } from './write-target.js';

export interface PartWriterOptions {
  handle: PositionalWriter;
  /** Where in the file the next byte goes. */
  position: number;
  /** Updated with exactly the bytes that reached the file, in order. */
  hash: Hash | undefined;
  /** Called with each batch of bytes once they are in the file. */
  onWritten: (bytes: number) => void;
  /** Called as soon as bytes arrive (before the write), to feed the stall guard. */
  onData: () => void;
  /** Inspects the first chunk before anything is written; throws to refuse the body. */
  checkFirstChunk?: (chunk: Buffer) => void;
}

/**
 * Writes a response body at a fixed position of the `.part` file. Bytes are counted only
 * after their write succeeded, so after a network failure the count is exactly what is
 * on disk and a `Range` resume continues at the right byte with the matching MD5 state.
 * Writes go out while the next chunks are read (`_writev` batches what piled up).
 */
export class PartWriter extends Writable {
  private position: number;
  private first = true;
  /** The file system error that stopped the writer, if any (never worth a retry). */
  writeError: Error | undefined;

  constructor(private readonly options: PartWriterOptions) {
    super({ highWaterMark: 1024 * 1024 });
    this.position = options.position;
  }

  private inFlight: Promise<void> = Promise.resolve();

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void): void {
    this.inFlight = this.writeChunks([chunk]);
    this.inFlight.then(() => done(), done);
  }

  override _writev(
    entries: { chunk: Buffer; encoding: BufferEncoding }[],
    done: (error?: Error) => void,
  ): void {
    this.inFlight = this.writeChunks(entries.map((entry) => entry.chunk));
    this.inFlight.then(() => done(), done);
  }

  /**
   * Resolves once no write is running. A destroyed stream does not wait for its last
   * write; the caller must, before it reads the byte count or starts another attempt.
   */
  settled(): Promise<void> {
    return this.inFlight.then(
      () => undefined,
      () => undefined,
    );
  }

  private async writeChunks(chunks: Buffer[]): Promise<void> {
    this.options.onData();
    if (this.first && chunks[0]) {
      this.first = false;
      this.options.checkFirstChunk?.(chunks[0]);
    }
    let total = 0;
    for (const chunk of chunks) total += chunk.length;
    const written = writeFully(this.options.handle, chunks, this.position, total).catch(
      (error: Error) => {
        this.writeError = error;
        throw error;
      },
    );
    // Hash while the write runs in the thread pool. If the write fails the download
    // stops for good (a disk error is never retried), so the hash is never used.
    for (const chunk of chunks) this.options.hash?.update(chunk);
    await written;
    this.position += total;
    this.options.onWritten(total);
    this.options.onData();
  }
}

/** `writev` may write less than asked (disk nearly full, signals): finish the job or throw. */
async function writeFully(
  handle: PositionalWriter,
  chunks: Buffer[],
  position: number,
  total: number,
): Promise<void> {
  let written = (await handle.writev(chunks, position)).bytesWritten;
  if (written === total) return;
  const rest = Buffer.concat(chunks).subarray(written);
  let offset = 0;
  while (offset < rest.length) {
    const { bytesWritten } = await handle.write(
      rest,
      offset,
      rest.length - offset,
      position + written,
    );
    if (bytesWritten === 0) throw new Error('the disk accepted no more bytes');
    offset += bytesWritten;
    written += bytesWritten;
  }
}
