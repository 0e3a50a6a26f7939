import { AbortedError } from './errors/index.js';

/** Waits `ms`, or rejects with {@link AbortedError} as soon as `signal` fires. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The error to throw once `signal` has fired. */
export function abortedError(signal?: AbortSignal): AbortedError {
  const reason = signal?.reason;
  if (reason instanceof AbortedError) return reason;
  return new AbortedError('the operation was aborted', { cause: reason });
}

/** One signal firing when any of `signals` does (undefined entries ignored). */
export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  if (present.length <= 1) return present[0];
  return AbortSignal.any(present);
}
