import type { ServerResponse } from 'node:http';
import type { BodyFault } from './fault-types.js';

const DEFAULT_STALL_MS = 30_000;
const RESET_GRACE_MS = 30;

/** Resolves when the response drains or closes; true if it can take more. */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve(!res.destroyed);
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes `chunk` (or just the headers) and waits until the kernel has it all. */
async function flushed(res: ServerResponse, chunk: Buffer): Promise<void> {
  if (chunk.length > 0) await new Promise<void>((resolve) => res.write(chunk, () => resolve()));
  else res.flushHeaders();
  await new Promise((resolve) => setImmediate(resolve));
  const socket = res.socket;
  if (socket && !socket.destroyed && socket.writableLength > 0) {
    await new Promise((resolve) => {
      socket.once('drain', resolve);
      socket.once('close', resolve);
    });
  }
}

function pause(res: ServerResponse, ms: number, released?: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
    res.on('close', done);
    void released?.then(done);
  });
}

/**
 * A TCP reset discards whatever the client has received but not yet read, so give it a
 * moment to read the bytes before `afterBytes` first.
 */
async function resetSocket(res: ServerResponse): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, RESET_GRACE_MS));
  const socket = res.socket;
  if (socket && typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket?.destroy();
}

/**
 * Writes a body with backpressure, applying a byte-level fault: `reset` (TCP reset),
 * `truncate` (connection closed early although Content-Length promised more),
 * `stall` (silence for `ms`, then the rest) or `corrupt` (one byte flipped).
 * Offsets count from the first byte of this response's body.
 */
export async function writeBody(
  res: ServerResponse,
  chunks: Iterable<Buffer> | AsyncIterable<Buffer>,
  fault?: BodyFault,
  release?: (chunk: Buffer) => void,
  /** Ends a stall early (the test released the fault). */
  released?: Promise<void>,
): Promise<void> {
  let sent = 0;
  let cut = fault && fault.kind !== 'corrupt' ? (fault.afterBytes ?? 0) : Number.POSITIVE_INFINITY;
  for await (let chunk of chunks) {
    if (res.destroyed) return;
    if (fault?.kind === 'corrupt') {
      const at = (fault.atByte ?? 0) - sent;
      if (at >= 0 && at < chunk.length) {
        chunk = Buffer.from(chunk);
        chunk[at] = (chunk[at] as number) ^ 0xff;
      }
    }
    if (sent + chunk.length > cut && fault) {
      await flushed(res, chunk.subarray(0, cut - sent));
      if (fault.kind === 'reset') return resetSocket(res);
      if (fault.kind === 'truncate') {
        res.socket?.end();
        return;
      }
      // stall: go quiet, then send the rest as if nothing happened.
      await pause(res, fault.kind === 'stall' ? (fault.ms ?? DEFAULT_STALL_MS) : 0, released);
      chunk = chunk.subarray(cut - sent);
      sent = cut;
      cut = Number.POSITIVE_INFINITY;
      if (res.destroyed) return;
    }
    sent += chunk.length;
    const written = chunk;
    const more = release ? res.write(chunk, () => release(written)) : res.write(chunk);
    if (!more && !(await drained(res))) return;
  }
  // An offset at or past the end: a reset still kills the connection before the
  // response completes, a stall delays its end; a truncate has nothing left to cut.
  if (fault && cut !== Number.POSITIVE_INFINITY) {
    if (fault.kind === 'reset') return resetSocket(res);
    if (fault.kind === 'stall') await pause(res, fault.ms ?? DEFAULT_STALL_MS, released);
  }
  res.end();
}
