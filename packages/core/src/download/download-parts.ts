import { IntegrityError } from '../errors/index.js';
import { abortedError } from '../sleep.js';
import { AtomicFile } from './atomic-file.js';
import { attemptSettings } from './attempt-settings.js';
import { checksRun } from './checks-run.js';
import type { DownloadClient } from './download-client.js';
import { finishPart } from './finish-part.js';
import { keptRecord, pickUpKeptPart } from './kept-part.js';
import { localFileError } from './local-file-error.js';
import type { DownloadedPart, DownloadResult, ResolvedDownloadOptions } from './options.js';
import { downloadInParallel } from './parallel-parts.js';
import type { BackupFileRef } from './part-order.js';
import { newPartState, type PartState } from './part-response.js';
import { type PartProbe, probeParts } from './probe-parts.js';
import { ProgressReporter } from './progress.js';
import { downloadPart } from './resumable-fetch.js';
import { checkDeclaredSize } from './size-check.js';
import { countWritten } from './written-bytes.js';

export interface DownloadPlan {
  stackUid: string;
  backupId: number;
  /** In joining order. */
  parts: readonly BackupFileRef[];
  target: string;
  /** What the joined bytes must add up to, when known. */
  expectedTotal: number | undefined;
}

/**
 * The one download path: every part, in order, streamed into `<target>.part` at its
 * offset, verified, then fsync'd and renamed. Anything else leaves no target behind.
 */
export async function downloadParts(
  client: DownloadClient,
  plan: DownloadPlan,
  options: ResolvedDownloadOptions,
): Promise<DownloadResult> {
  const { signal } = options;
  const urlOf = (part: BackupFileRef) => async () =>
    (await client.files.get(plan.stackUid, plan.backupId, part.id, { signal })).publicUrl;
  const openFile = () =>
    AtomicFile.create(plan.target, { overwrite: options.overwrite, reuse: options.resume }).catch(
      (error: unknown) => {
        throw localFileError(error, plan.target);
      },
    );
  if (worthParallel(plan, options)) {
    const probes = await probeParts(plan.parts.map(urlOf), options, options.connections);
    // Without every part's size up front there are no offsets to write at: go in order.
    if (probes) {
      return downloadInParallel(client, plan, options, probes, openFile).catch((error) => {
        throw localFileError(error, plan.target);
      });
    }
  }
  const file = await openFile();
  let states: PartState[] = plan.parts.map(() => newPartState());
  let offset = 0;
  let current = 0;
  try {
    const { kept, ...picked } = options.resume
      ? await pickUpKeptPart(file, plan)
      : { states, kept: 0 };
    states = picked.states;
    // Several parts: their sizes (HEAD) are known before any byte moves, so a total that
    // cannot match backup_size fails now rather than after gigabytes.
    const declared =
      plan.parts.length > 1
        ? sumOf(await probeParts(plan.parts.map(urlOf), options, 1))
        : undefined;
    if (declared !== undefined) checkDeclaredSize(plan.expectedTotal, 0, declared, true);
    const sized = plan.expectedTotal ?? declared;
    const progress = new ProgressReporter(options.onProgress, {
      parts: plan.parts.length,
      totalBytes: sized ?? null,
      now: options.now,
      initialBytes: kept,
    });
    const settings = attemptSettings(options);
    const onBytes = countWritten(progress, file);
    const fetchPart = (part: BackupFileRef, isLast: boolean, state: PartState) =>
      downloadPart(
        {
          label: part.name,
          getUrl: urlOf(part),
          file,
          start: offset,
          signal,
          ...settings,
          onBytes,
          onRetry: options.onRetry,
          // Without a size up front, the total is known once the last part declares its length.
          onLength: (length) => {
            checkDeclaredSize(plan.expectedTotal, offset, length, isLast, part.name);
            if (sized === undefined && isLast) progress.setTotal(offset + length);
          },
        },
        state,
      );
    const done: DownloadedPart[] = [];
    for (const [index, part] of plan.parts.entries()) {
      current = index;
      progress.setPart(index + 1);
      const state = states[index] ?? newPartState();
      const keptWhole = state.length !== undefined && state.reached === state.length;
      const result = keptWhole
        ? finishPart(part.name, state)
        : await fetchPart(part, index === plan.parts.length - 1, state);
      done.push({
        id: part.id,
        name: part.name,
        bytes: result.bytes,
        verified: result.verified,
        ...(result.md5 && { md5: result.md5 }),
        ...(result.md5Unavailable && { md5Unavailable: result.md5Unavailable }),
      });
      offset += result.bytes;
    }
    current = plan.parts.length;
    if (plan.expectedTotal !== undefined && offset !== plan.expectedTotal) {
      throw new IntegrityError(
        `the download is ${offset} bytes but the backup should be ${plan.expectedTotal} bytes`,
        'total',
        undefined,
        plan.expectedTotal,
        offset,
      );
    }
    // The last callback before the move: a callback that throws must not follow a success.
    progress.finish();
    await file.commit(offset);
    return { path: plan.target, bytes: offset, parts: done, verified: checksRun(plan, done) };
  } catch (error) {
    // Bytes of a part that failed verification are not worth keeping.
    const good = offset + (error instanceof IntegrityError ? 0 : (states[current]?.reached ?? 0));
    await file.discard(options.keepPartial, keptRecord(plan, states, good));
    if (signal?.aborted) throw abortedError(signal);
    throw localFileError(error, plan.target);
  }
}

/** The declared total, or undefined when any part's size is unknown (best effort). */
function sumOf(probes: readonly PartProbe[] | undefined): number | undefined {
  return probes?.reduce((sum, probe) => sum + probe.length, 0);
}

/** Several connections pay off unless the backup is one part too small to split. */
function worthParallel(plan: DownloadPlan, options: ResolvedDownloadOptions): boolean {
  if (options.connections <= 1) return false;
  if (plan.parts.length > 1) return true;
  return plan.expectedTotal === undefined || plan.expectedTotal > options.spanBytes;
}
