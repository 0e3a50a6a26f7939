import { pipeline } from 'node:stream/promises';
import { type Client, describeChecks, formatBytes, streamBackup } from '@c66-backup/core';
import type { CliDeps } from '../../../deps.js';
import type { Output } from '../../../output/output.js';
import { createDownloadProgress } from '../../../progress/download-progress.js';

/** A download that broke off after bytes already went to stdout: they cannot be taken back. */
export class StreamBrokenError extends Error {
  readonly code = 'STREAM_BROKEN';

  constructor(
    readonly written: number,
    override readonly cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      `the download failed after ${written} bytes were written to stdout (${why}); those bytes cannot be taken back: discard what the reading program got`,
    );
    this.name = 'StreamBrokenError';
  }
}

/**
 * `-o -`: the joined backup on stdout, in order, progress on stderr. Fails with a clear
 * message when the download or stdout breaks off part way.
 */
export async function streamToStdout(
  deps: CliDeps,
  out: Output,
  client: Client,
  target: { stackUid: string; backupId: number; connections: number | undefined },
): Promise<void> {
  const stop = new AbortController();
  const signal = AbortSignal.any([deps.signal, stop.signal]);
  const progress = createDownloadProgress(deps.stderr, { now: deps.now, label: 'download' });
  const { stream, result } = streamBackup(client, target.stackUid, target.backupId, {
    signal,
    onProgress: progress.onProgress,
    ...(target.connections !== undefined && { connections: target.connections }),
  });
  let written = 0;
  stream.on('data', (chunk: Buffer) => {
    written += chunk.length;
  });
  try {
    // stdout stays open: the process ends it. A reader that went away (EPIPE) stops the download.
    const piped = pipeline(stream, deps.stdout, { end: false }).catch((error: unknown) => {
      stop.abort(error);
      throw error;
    });
    const [done] = await Promise.all([result, piped]);
    out.note(
      `streamed ${formatBytes(done.bytes)} (${done.bytes} bytes, ${describeChecks(done)}) to stdout`,
    );
  } catch (error) {
    const cause = await result.then(
      () => error,
      (failure: unknown) => failure,
    );
    if (written === 0 || deps.signal.aborted) throw cause;
    throw new StreamBrokenError(written, cause);
  } finally {
    progress.stop();
  }
}
