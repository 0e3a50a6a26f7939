import { Cloud66Error } from './cloud66-error.js';

/** No HTTP answer: connection refused or reset, DNS failure... (after retries). */
export class NetworkError extends Cloud66Error {
  override readonly code = 'NETWORK_ERROR';
}

/** No complete answer within `timeoutMs` (after retries). */
export class TimeoutError extends Cloud66Error {
  override readonly code = 'TIMEOUT';
}

/** The caller's `AbortSignal` fired. */
export class AbortedError extends Cloud66Error {
  override readonly code = 'ABORTED';
}
