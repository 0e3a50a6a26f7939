import { formatBytes } from '../format-bytes.js';
import { formatDuration } from '../format-duration.js';
import type { DownloadProgress } from './progress.js';

/** A download's progress as numbers and words, for an app to lay out as it likes. */
export interface ProgressDescription {
  /** Whole percent done (0-100, never rounded up to 100 early); null while the size is unknown. */
  percent: number | null;
  /** `12 MB of 48 MB`, or `12 MB` while the size is unknown. */
  size: string;
  /** `3 MB/s`; undefined until a throughput was measured. */
  rate: string | undefined;
  /** `11s left`; undefined while unknown. */
  timeLeft: string | undefined;
  /** `part 2 of 3`; undefined for a backup of one file. */
  part: string | undefined;
}

/** Turns the core's {@link DownloadProgress} into a {@link ProgressDescription}. */
export function describeProgress(p: DownloadProgress): ProgressDescription {
  return {
    percent: p.totalBytes ? Math.min(100, Math.floor((p.bytes / p.totalBytes) * 100)) : null,
    size:
      p.totalBytes === null
        ? formatBytes(p.bytes)
        : `${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}`,
    rate: p.bytesPerSecond > 0 ? `${formatBytes(p.bytesPerSecond)}/s` : undefined,
    timeLeft: p.etaSeconds === null ? undefined : `${formatDuration(p.etaSeconds * 1000)} left`,
    part: p.parts > 1 ? `part ${p.part} of ${p.parts}` : undefined,
  };
}
