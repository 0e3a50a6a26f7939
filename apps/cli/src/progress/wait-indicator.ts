import { formatDuration } from '@c66-backup/core';
import yoctoSpinner from 'yocto-spinner';
import type { OutputStream } from '../deps.js';

/** Shows that the CLI is waiting; `stop()` clears it before the result is printed. */
export interface WaitIndicator {
  /** Called after every poll: the db types waited for, and those still without a new backup. */
  update: (poll: { dbTypes: readonly string[]; missing: readonly string[] }) => void;
  stop: () => void;
}

export interface WaitIndicatorOptions {
  now: () => number;
  /** The db types waited for; 'all' until the first poll tells which they are. */
  dbTypes: readonly string[] | 'all';
  stackName: string;
  timeoutMs: number;
  /** Off a terminal: time between two "still waiting" lines (default 30 s). */
  intervalMs?: number;
}

/**
 * A spinner with the elapsed time on a terminal; elsewhere a line when waiting starts and
 * then at most every `intervalMs`, so CI logs show life without flooding.
 */
export function createWaitIndicator(
  stream: OutputStream,
  opts: WaitIndicatorOptions,
): WaitIndicator {
  const started = opts.now();
  let dbTypes = opts.dbTypes;
  let missing: readonly string[] = dbTypes === 'all' ? [] : dbTypes;
  const text = () => {
    const what = dbTypes === 'all' ? 'backups (all databases)' : `${dbTypes.join(', ')} backup`;
    const partly =
      dbTypes !== 'all' && missing.length < dbTypes.length
        ? `, still missing ${missing.join(', ')}`
        : '';
    return `waiting for the new ${what} of ${opts.stackName}: ${formatDuration(opts.now() - started)} of ${formatDuration(opts.timeoutMs)}${partly}`;
  };
  if (stream.isTTY) {
    // handleSignals: false because the CLI owns SIGINT (it aborts the wait and exits 130).
    const spinner = yoctoSpinner({ stream, text: text(), handleSignals: false }).start();
    const timer = setInterval(() => {
      spinner.text = text();
    }, 1000);
    timer.unref();
    return {
      update(poll) {
        ({ dbTypes, missing } = poll);
        spinner.text = text();
      },
      stop() {
        clearInterval(timer);
        spinner.stop();
      },
    };
  }
  const intervalMs = opts.intervalMs ?? 30_000;
  let last = started;
  stream.write(`${text()}\n`);
  return {
    update(poll) {
      ({ dbTypes, missing } = poll);
      if (opts.now() - last < intervalMs) return;
      last = opts.now();
      stream.write(`${text()}\n`);
    },
    stop() {},
  };
}
