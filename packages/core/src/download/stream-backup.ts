import type { Readable } from 'node:stream';
import { FileHostError, InvalidInputError } from '../errors/index.js';
import { planBackup } from './backup-plan.js';
import type { DownloadClient } from './download-client.js';
import { loadEngine } from './load-engine.js';
import type { DownloadOptions, DownloadResult } from './options.js';
import { resolveOptions } from './options.js';
import { OrderedStream } from './ordered-stream.js';

/** Options of `streamBackup`: those of a download, less what only a file has. */
export type StreamOptions = Omit<
  DownloadOptions,
  'dir' | 'file' | 'overwrite' | 'keepPartial' | 'resume'
> & {
  /** Bytes received ahead of the stream's position that may wait in memory (default 64 MiB). */
  reorderBytes?: number;
};

/** A backup on its way: the joined bytes in order, and how it ended. */
export interface BackupStream {
  stream: Readable;
  /**
   * Resolves once every byte was streamed and checked; rejects (and `stream` fails with
   * the same error) otherwise. Bytes already read cannot be taken back: a consumer must
   * treat what it read as void unless `result` resolves.
   */
  result: Promise<Omit<DownloadResult, 'path'> & { name: string }>;
}

/**
 * The whole backup as one readable stream (parts joined in order), for piping into
 * `tar -x` or `pg_restore` without a file: the same connections, resumes and checks as
 * `downloadBackup`, with bytes that arrive ahead held in a bounded reorder buffer.
 */
export function streamBackup(
  client: DownloadClient,
  stackUid: string,
  backupId: number,
  options: StreamOptions = {},
): BackupStream {
  const reorderBytes = options.reorderBytes ?? 64 * 1024 * 1024;
  if (!Number.isSafeInteger(reorderBytes) || reorderBytes < 1024 * 1024) {
    throw new InvalidInputError(`reorderBytes must be at least 1 MiB, got ${reorderBytes}`);
  }
  // No file: the target is only a name for messages.
  const resolved = resolveOptions({ ...options, file: 'the stream' });
  // Every connection's span fits in the reorder buffer, so none waits for room for long.
  const spanBytes =
    options.spanBytes ??
    Math.min(
      resolved.spanBytes,
      Math.max(1024 * 1024, Math.floor(reorderBytes / resolved.connections)),
    );
  const sink = new OrderedStream('the stream', reorderBytes);
  const result = (async () => {
    const { downloadInParallel, probeParts } = await loadEngine();
    const plan = await planBackup(client, stackUid, backupId, resolved);
    const urlOf = (id: string) => async () =>
      (await client.files.get(stackUid, backupId, id, { signal: resolved.signal })).publicUrl;
    const probes = await probeParts(
      plan.parts.map((p) => urlOf(p.id)),
      resolved,
      resolved.connections,
    );
    if (!probes) {
      throw new FileHostError(
        `the file host did not declare the size of every part of ${JSON.stringify(plan.name)}: it cannot be streamed`,
        plan.name,
        undefined,
      );
    }
    const { path: _unused, ...done } = await downloadInParallel(
      client,
      {
        stackUid,
        backupId,
        parts: plan.parts,
        target: sink.target,
        expectedTotal: plan.expectedTotal,
      },
      { ...resolved, spanBytes, keepPartial: false, resume: false },
      probes,
      async () => sink,
    );
    return { ...done, name: plan.name };
  })();
  result.catch((error: unknown) => sink.readable.destroy(error as Error));
  // Awaited by whoever cares; a consumer of `stream` alone sees the error there.
  result.catch(() => undefined);
  return { stream: sink.readable, result };
}
