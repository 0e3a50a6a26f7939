import type { Sleep } from '@c66-backup/core';
import { abortedError } from '@c66-backup/core/testing';

/**
 * A clock that only moves when the code under test sleeps, so a 30-minute wait runs in
 * moments. Each sleep still yields a few real milliseconds, letting the sandbox's own
 * timers (a backup finishing) and HTTP answers make progress.
 */
export function fakeTime(start = Date.now(), realMsPerSleep = 5) {
  let now = start;
  const sleeps: number[] = [];
  const sleep: Sleep = async (ms, signal) => {
    sleeps.push(ms);
    if (signal?.aborted) throw abortedError(signal);
    await new Promise((resolve) => setTimeout(resolve, realMsPerSleep));
    if (signal?.aborted) throw abortedError(signal);
    now += ms;
  };
  return { now: () => now, sleep, sleeps, advance: (ms: number) => (now += ms) };
}
