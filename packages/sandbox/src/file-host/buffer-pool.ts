/**
 * Reuses the buffers a download is written from. Fresh 1 MiB allocations cost page faults
 * and GC work on every chunk; at loopback speed that is a good part of the time.
 */
export class BufferPool {
  private readonly free: Buffer[] = [];

  constructor(
    readonly size: number,
    private readonly max = 32,
  ) {}

  /** A buffer of `length` (<= size) bytes, recycled when possible. */
  take(length: number): Buffer {
    if (length > this.size) return Buffer.allocUnsafe(length);
    const buffer = this.free.pop() ?? Buffer.allocUnsafeSlow(this.size);
    return buffer.subarray(0, length);
  }

  /** Hands a buffer back once nothing reads it any more (e.g. after the socket took it). */
  give(buffer: Buffer): void {
    const whole = buffer.buffer;
    if (whole.byteLength !== this.size || buffer.byteOffset !== 0 || this.free.length >= this.max)
      return;
    this.free.push(Buffer.from(whole, 0, this.size));
  }
}
