import { PassThrough } from 'node:stream';
import { FileHostError } from '../errors/index.js';
import type { JoinTarget, PositionalWriter } from './write-target.js';

/**
 * The joined backup as a readable stream, in order, from positional writes that arrive
 * in any order: bytes at the cursor go straight out (held back only by the reader), bytes
 * ahead of it wait in a reorder buffer of at most `limitBytes`. A write ahead that does
 * not fit waits for room, which holds its connection back; the write at the cursor never
 * waits for room, so the buffer cannot deadlock.
 */
export class OrderedStream implements JoinTarget {
  readonly readable = new PassThrough({ highWaterMark: 1024 * 1024 });
  readonly handle: PositionalWriter;
  private cursor = 0;
  private readonly ahead = new Map<number, Buffer>();
  private aheadBytes = 0;
  private waiting: (() => void)[] = [];
  private out: Promise<void> = Promise.resolve();

  constructor(
    readonly target: string,
    private readonly limitBytes: number,
  ) {
    this.handle = {
      writev: (buffers, position) => this.put(buffers, position),
      write: (buffer, offset, length, position) =>
        this.put([buffer.subarray(offset, offset + length)], position),
    };
  }

  /** Bytes handed to the reader so far (or queued for it, in order). */
  get streamed(): number {
    return this.cursor;
  }

  private async put(buffers: Buffer[], position: number): Promise<{ bytesWritten: number }> {
    let total = 0;
    for (const b of buffers) total += b.length;
    while (position !== this.cursor && this.aheadBytes + total > this.limitBytes) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (position !== this.cursor) {
      this.ahead.set(position, Buffer.concat(buffers, total));
      this.aheadBytes += total;
      return { bytesWritten: total };
    }
    this.cursor += total;
    let sent = this.emit(buffers);
    for (let next = this.ahead.get(this.cursor); next; next = this.ahead.get(this.cursor)) {
      this.ahead.delete(this.cursor);
      this.aheadBytes -= next.length;
      this.cursor += next.length;
      sent = this.emit([next]);
    }
    const woken = this.waiting;
    this.waiting = [];
    for (const wake of woken) wake();
    await sent;
    return { bytesWritten: total };
  }

  /** Writes in order, one batch after the other, waiting for the reader when it is full. */
  private emit(buffers: Buffer[]): Promise<void> {
    this.out = this.out.then(async () => {
      for (const buffer of buffers) {
        if (this.readable.destroyed) throw new Error('the reader of the stream went away');
        if (!this.readable.write(buffer)) await drained(this.readable);
      }
    });
    return this.out;
  }

  /** Nothing to cut unless bytes already went out: those cannot be taken back. */
  async truncate(length: number): Promise<void> {
    if (length < this.cursor) {
      throw new FileHostError(
        `the file host sent ${this.target} again from byte ${length}, but ${this.cursor} bytes were already streamed and cannot be taken back`,
        this.target,
        undefined,
      );
    }
    for (const [position, buffer] of this.ahead) {
      if (position >= length) {
        this.ahead.delete(position);
        this.aheadBytes -= buffer.length;
      }
    }
  }

  flushInBackground(): void {}

  async commit(bytes: number): Promise<void> {
    await this.out;
    if (this.cursor !== bytes) throw new Error(`streamed ${this.cursor} of ${bytes} bytes`);
    this.readable.end();
  }

  /** The caller destroys `readable` with the error; a stream keeps nothing to resume. */
  async discard(): Promise<void> {}
}

function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', closed);
      resolve();
    };
    const closed = () => {
      stream.off('drain', done);
      reject(new Error('the reader of the stream went away'));
    };
    stream.once('drain', done);
    stream.once('close', closed);
  });
}
