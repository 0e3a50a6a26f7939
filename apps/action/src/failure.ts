import {
  AmbiguousStackError,
  BackupFailedError,
  errorHint,
  ForbiddenError,
  StackNotFoundError,
  ThrottledError,
  UnauthenticatedError,
  WaitTimeoutError,
} from '@c66-backup/core';
import type { Outcome } from './report.js';
import { CancelledError } from './signals.js';

/** Where the run was when it stopped: before the create request, or after it. */
export type Phase = 'before-create' | 'after-create';

export interface Failure {
  outcome: Exclude<Outcome, 'succeeded' | 'queued' | 'reused'>;
  message: string;
  notes: string[];
}

/** Turns whatever stopped the run into an outcome and a message for the log, with a hint. */
export function describeFailure(
  error: unknown,
  signal: AbortSignal | undefined,
  phase: Phase,
): Failure {
  if (signal?.aborted) {
    const by = signal.reason instanceof CancelledError ? ` by ${signal.reason.signalName}` : '';
    const notes =
      phase === 'after-create'
        ? [
            'The run was cancelled while waiting: Cloud 66 may still finish the backup it was asked for.',
          ]
        : ['The run was cancelled before any backup was requested.'];
    return { outcome: 'cancelled', message: `Cancelled${by}`, notes };
  }
  if (error instanceof WaitTimeoutError) {
    return {
      outcome: 'timed-out',
      message: `Timed out: ${error.message}`,
      notes: [
        `Still missing when the wait ended: ${error.missing.join(', ')}. Cloud 66 may still finish them.`,
      ],
    };
  }
  if (error instanceof BackupFailedError) {
    return { outcome: 'failed', message: error.message, notes: [] };
  }
  return { outcome: 'error', message: messageOf(error), notes: [] };
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // The core knows what the status means; the action names where the token came from.
  if (error instanceof UnauthenticatedError) {
    return `Cloud 66 rejected the api-token (401: ${errorHint(error)}): ${text}`;
  }
  if (error instanceof ForbiddenError) {
    return `The api-token may not do this (403: ${errorHint(error)}): ${text}`;
  }
  if (error instanceof ThrottledError) return `${text} (${errorHint(error)})`;
  if (error instanceof StackNotFoundError || error instanceof AmbiguousStackError) {
    return `Stack: ${text}`;
  }
  return text;
}
