/** What the runner sends to cancel a step: SIGINT first, SIGTERM 7.5 s later. */
export const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
export type CancelSignal = (typeof CANCEL_SIGNALS)[number];

/** The part of `process` this needs, so tests can emit signals without sending real ones. */
export interface SignalSource {
  once(event: CancelSignal, listener: () => void): unknown;
  removeListener(event: CancelSignal, listener: () => void): unknown;
}

/** Raised through the AbortSignal when the runner cancels the step. */
export class CancelledError extends Error {
  readonly code = 'CANCELLED';
  constructor(readonly signalName: CancelSignal) {
    super(`Cancelled by ${signalName}`);
    this.name = 'CancelledError';
  }
}

export interface Cancellation {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * Turns the first SIGINT or SIGTERM into an abort. The listeners go away after the first
 * signal, so a second one gets Node's default behaviour and ends the process at once.
 */
export function abortOnSignals(source: SignalSource): Cancellation {
  const controller = new AbortController();
  const listeners = new Map<CancelSignal, () => void>();
  const dispose = () => {
    for (const [name, listener] of listeners) source.removeListener(name, listener);
    listeners.clear();
  };
  for (const name of CANCEL_SIGNALS) {
    const listener = () => {
      dispose();
      controller.abort(new CancelledError(name));
    };
    listeners.set(name, listener);
    source.once(name, listener);
  }
  return { signal: controller.signal, dispose };
}

/** The CancelledError behind an aborted signal, if the abort came from a cancel signal. */
export function cancelReason(signal: AbortSignal | undefined): CancelledError | undefined {
  return signal?.aborted && signal.reason instanceof CancelledError ? signal.reason : undefined;
}
