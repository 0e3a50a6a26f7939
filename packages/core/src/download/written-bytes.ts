import type { ProgressReporter } from './progress.js';
import type { JoinTarget } from './write-target.js';

/** How much is written between two background flushes to disk. */
const FLUSH_EVERY_BYTES = 64 * 1024 * 1024;

/**
 * The `onBytes` of every connection of one download: counts bytes into the progress and
 * starts a background flush every 64 MiB, so the final fsync has little left to write.
 */
export function countWritten(
  progress: ProgressReporter,
  file: Pick<JoinTarget, 'flushInBackground'>,
): (bytes: number) => void {
  let unflushed = 0;
  return (bytes) => {
    progress.add(bytes);
    unflushed += bytes;
    if (unflushed >= FLUSH_EVERY_BYTES) {
      unflushed = 0;
      file.flushInBackground();
    }
  };
}
