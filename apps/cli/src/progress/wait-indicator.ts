import yoctoSpinner from 'yocto-spinner';
import type { OutputStream } from '../deps.js';
import { formatDuration } from '../duration.js';

/** Shows that the CLI is waiting; `stop()` clears it before the result is printed. */
export interface WaitIndicator {
  /** Called on every poll, with what is still missing. */
  update: (missing: readonly string[]) => void;
  stop: () => void;
}

/**
 * A spinner with the elapsed time on a terminal; elsewhere a line when waiting starts and
 * then at most every `intervalMs`, so CI logs show life without flooding.
 */
export function createWaitIndicator(
  stream: OutputStream,
  opts: { now: () => number; what: string; intervalMs?: number },
): WaitIndicator {
  const started = opts.now();
  const text = (missing: readonly string[]) =>
    `waiting for ${missing.length ? `the new ${missing.join(', ')} backup` : opts.what} (${formatDuration(opts.now() - started)})`;
  if (stream.isTTY) {
    let missing: readonly string[] = [];
    // handleSignals: false because the CLI owns SIGINT (it aborts the wait and exits 130).
    const spinner = yoctoSpinner({ stream, text: text(missing), handleSignals: false }).start();
    const timer = setInterval(() => {
      spinner.text = text(missing);
    }, 1000);
    timer.unref();
    return {
      update(next) {
        missing = next;
        spinner.text = text(missing);
      },
      stop() {
        clearInterval(timer);
        spinner.stop();
      },
    };
  }
  const intervalMs = opts.intervalMs ?? 30_000;
  let last = started;
  stream.write(`waiting for ${opts.what}...\n`);
  return {
    update(missing) {
      if (opts.now() - last < intervalMs) return;
      last = opts.now();
      stream.write(`still ${text(missing)}\n`);
    },
    stop() {},
  };
}
