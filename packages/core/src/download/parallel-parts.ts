import { FileHostError, IntegrityError } from '../errors/index.js';
import { abortedError } from '../sleep.js';
import { AtomicFile } from './atomic-file.js';
import { attemptSettings } from './attempt-settings.js';
import { checksRun } from './checks-run.js';
import { ConnectionPool } from './connection-pool.js';
import type { DownloadClient } from './download-client.js';
import type { DownloadPlan } from './download-parts.js';
import { pickUpKeptRanges, rangesRecord } from './kept-ranges.js';
import type { DownloadedPart, DownloadResult, ResolvedDownloadOptions } from './options.js';
import { newPartState, type PartState } from './part-response.js';
import { PartUrls } from './part-urls.js';
import type { PartProbe } from './probe-parts.js';
import { ProgressReporter } from './progress.js';
import { downloadPart } from './resumable-fetch.js';
import { checkDeclaredSize } from './size-check.js';
import { type ByteRange, planSpans, type Span } from './span-plan.js';
import type { JoinTarget } from './write-target.js';
import { countWritten } from './written-bytes.js';

/**
 * The download path with several connections: every part's size is known (`probes`),
 * so each span of bytes has its offset up front and is written there, into the one
 * preallocated `.part`, by whichever connection is free. Verification, the resume
 * record and the atomic move are those of the sequential path.
 */
export async function downloadInParallel(
  client: DownloadClient,
  plan: DownloadPlan,
  options: ResolvedDownloadOptions,
  probes: readonly PartProbe[],
  openFile: () => Promise<JoinTarget>,
): Promise<DownloadResult> {
  const { signal } = options;
  const starts = offsetsOf(probes);
  const total = starts[probes.length] ?? 0;
  // Every size is declared before a byte moves: a total that cannot match fails now.
  checkDeclaredSize(plan.expectedTotal, 0, total, true);
  const file = await openFile();
  const states = new Map<Span, PartState>();
  const badParts = new Set<number>();
  const md5s = new Map<number, string>();
  let kept: ByteRange[] = [];
  try {
    const picked =
      options.resume && file instanceof AtomicFile
        ? await pickUpKeptRanges(file, plan, probes)
        : undefined;
    kept = picked?.done ?? [];
    if (kept.length === 0) await file.truncate(0);
    // Sparse on most file systems: the size is right from the start, bytes land at their offsets.
    await file.truncate(total);
    const spans = planSpans(probes, kept, options.spanBytes);
    const keptBytes = kept.reduce((sum, [a, b]) => sum + b - a, 0);
    const progress = new ProgressReporter(options.onProgress, {
      parts: probes.length,
      totalBytes: total,
      now: options.now,
      initialBytes: keptBytes,
      connections: options.connections,
    });
    const pool = new ConnectionPool(options.connections, signal, (n) => progress.setConnections(n));
    const urls = new PartUrls(
      async (part) =>
        (
          await client.files.get(plan.stackUid, plan.backupId, plan.parts[part]?.id ?? '', {
            signal,
          })
        ).publicUrl,
    );
    const left = probes.map((_, part) => spans.filter((s) => s.part === part).length);
    const settings = attemptSettings(options);
    const onBytes = countWritten(progress, file);
    progress.setPart(firstUnfinished(left));
    await pool.run(spans, async (span) => {
      const probe = probes[span.part] as PartProbe;
      const label = plan.parts[span.part]?.name ?? '';
      const state = spanState(span, probe, picked?.hashes.get(span.part));
      states.set(span, state);
      try {
        const result = await downloadPart(
          {
            label,
            getUrl: urls.forSpan(span.part),
            file,
            start: starts[span.part] ?? 0,
            signal: pool.signal,
            ...settings,
            onBytes,
            onLength: () => undefined, // known from the probe; a change is an IntegrityError
            onRetry: (event) => {
              // S3's 503 SlowDown: fewer connections, and this span tries again.
              if (event.error instanceof FileHostError && event.error.status === 503)
                pool.throttle();
              options.onRetry?.(event);
            },
          },
          state,
        );
        if (result.md5 !== undefined) md5s.set(span.part, result.md5);
        if (state.etag !== probe.etag) {
          const message = `${JSON.stringify(label)} changed on the file host during the download (ETag ${probe.etag} became ${state.etag})`;
          throw new IntegrityError(message, 'etag', label, probe.etag ?? '', state.etag ?? '');
        }
      } catch (error) {
        // Bytes of a part that failed verification are not worth keeping.
        if (error instanceof IntegrityError) badParts.add(span.part);
        throw error;
      }
      left[span.part] = (left[span.part] ?? 1) - 1;
      progress.setPart(firstUnfinished(left));
    });
    // A cancel that came as the last span ended still cancels.
    if (signal?.aborted) throw abortedError(signal);
    // The last callback before the move: a callback that throws must not follow a success.
    progress.finish();
    await file.commit(total);
    const parts = partsOf(plan, probes, md5s);
    return { path: plan.target, bytes: total, parts, verified: checksRun(plan, parts) };
  } catch (error) {
    const good: ByteRange[] = [...kept];
    for (const [span, state] of states) {
      const base = starts[span.part] ?? 0;
      if (state.reached > span.from) good.push([base + span.from, base + state.reached]);
    }
    const partOf = (at: number) => starts.findLastIndex((start) => start <= at);
    const keep = good.filter(([a]) => !badParts.has(partOf(a)));
    await file.discard(options.keepPartial, rangesRecord(plan, probes, keep));
    if (signal?.aborted) throw abortedError(signal);
    throw error;
  }
}

/** Where each part starts in the joined file; the last entry is the total. */
function offsetsOf(probes: readonly PartProbe[]): number[] {
  const starts = [0];
  for (const probe of probes) starts.push((starts.at(-1) ?? 0) + probe.length);
  return starts;
}

/** 1-based number of the first part with spans still to fetch (progress's `part`). */
function firstUnfinished(left: readonly number[]): number {
  const index = left.findIndex((n) => n > 0);
  return index === -1 ? left.length : index + 1;
}

/** A span's resumable state: what the probe declared, so every answer is checked against it. */
function spanState(span: Span, probe: PartProbe, hash: PartState['hash']): PartState {
  const state = newPartState();
  state.reached = span.from;
  state.md5Unavailable = probe.md5Unavailable;
  state.length = probe.length;
  if (probe.etag !== undefined) state.etag = probe.etag;
  if (!span.open) state.end = span.to;
  if (probe.expectedMd5 !== undefined && span.from > 0) {
    state.expectedMd5 = probe.expectedMd5;
    state.hash = hash;
  }
  return state;
}

function partsOf(
  plan: DownloadPlan,
  probes: readonly PartProbe[],
  md5s: ReadonlyMap<number, string>,
): DownloadedPart[] {
  return plan.parts.map((part, i) => {
    const md5 = md5s.get(i);
    const bytes = probes[i]?.length ?? 0;
    if (md5) return { id: part.id, name: part.name, bytes, verified: ['size', 'md5'], md5 };
    const md5Unavailable = probes[i]?.md5Unavailable ?? 'no-etag';
    return { id: part.id, name: part.name, bytes, verified: ['size'], md5Unavailable };
  });
}
