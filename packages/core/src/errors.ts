import { markSafe, redactText, sanitizeError } from './redact.js';

export interface Cloud66ErrorOptions {
  cause?: unknown;
  /** HTTP status of the response, when there was one. */
  status?: number;
  /** Cloud 66's `error` code from the body, e.g. `not_found`, `throttled`. */
  apiError?: string;
  /** The `Request-Id` of the failing request. */
  requestId?: string;
  /** The endpoint template, e.g. `GET /stacks/:id/backups`. */
  endpoint?: string;
}

/**
 * Base of every error the core throws. Messages, `toJSON()`, `stack`, `util.inspect`
 * and `cause` chains are redacted: no token, no presigned URL query string.
 */
export class Cloud66Error extends Error {
  readonly code: string = 'C66_ERROR';
  readonly status?: number;
  readonly apiError?: string;
  readonly requestId?: string;
  readonly endpoint?: string;

  constructor(message: string, options: Cloud66ErrorOptions = {}) {
    const cause = sanitizeError(options.cause);
    super(redactText(message), cause ? { cause } : undefined);
    this.name = new.target.name;
    if (options.status !== undefined) this.status = options.status;
    if (options.apiError !== undefined) this.apiError = redactText(options.apiError);
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.endpoint !== undefined) this.endpoint = options.endpoint;
    if (this.stack) this.stack = redactText(this.stack);
    markSafe(this);
  }

  toJSON(): Record<string, unknown> {
    const cause = this.cause as (Error & { toJSON?: () => unknown }) | undefined;
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      apiError: this.apiError,
      requestId: this.requestId,
      endpoint: this.endpoint,
      cause: cause?.toJSON ? cause.toJSON() : cause && { name: cause.name, message: cause.message },
    };
  }
}

/** 401: missing, unknown or revoked token. */
export class UnauthenticatedError extends Cloud66Error {
  override readonly code = 'UNAUTHENTICATED';
}

/** 402: the Cloud 66 account's trial has expired. */
export class TrialExpiredError extends Cloud66Error {
  override readonly code = 'TRIAL_EXPIRED';
}

/** 403: the token's scope does not allow this (create/import need `admin`). */
export class ForbiddenError extends Cloud66Error {
  override readonly code = 'FORBIDDEN';
}

/** 404: no such stack, backup or file (or not visible to this token). */
export class NotFoundError extends Cloud66Error {
  override readonly code = 'NOT_FOUND';
}

/** 409: the request conflicts with the resource's state. */
export class ConflictError extends Cloud66Error {
  override readonly code = 'CONFLICT';
}

/** 503 `throttled`: the hourly rate limit (3,000 requests) is spent; never retried. */
export class ThrottledError extends Cloud66Error {
  override readonly code = 'THROTTLED';
}

/** Any other non-2xx answer (400, 408, 5xx after retries, 503 `not_implemented`...). */
export class ApiError extends Cloud66Error {
  override readonly code = 'API_ERROR';
}

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

/** The answer does not match the documented schema; the message lists zod's issues, never the body. */
export class ResponseValidationError extends Cloud66Error {
  override readonly code = 'RESPONSE_VALIDATION';
}

/** A stack as listed in {@link StackNotFoundError} and {@link AmbiguousStackError}. */
export interface StackCandidate {
  uid: string;
  name: string;
  environment: string;
}

/** A stack uid or name matched nothing; `candidates` lists the stacks the token can see. */
export class StackNotFoundError extends Cloud66Error {
  override readonly code = 'STACK_NOT_FOUND';
  constructor(
    message: string,
    readonly candidates: readonly StackCandidate[] = [],
    options: Cloud66ErrorOptions = {},
  ) {
    super(message, options);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), candidates: this.candidates };
  }
}

/** A stack name matched several stacks; `candidates` lists them. */
export class AmbiguousStackError extends Cloud66Error {
  override readonly code = 'AMBIGUOUS_STACK';
  constructor(
    message: string,
    readonly candidates: readonly StackCandidate[],
  ) {
    super(message);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), candidates: this.candidates };
  }
}

/** Bad input from the caller (db types, cron expression, options): nothing was sent. */
export class InvalidInputError extends Cloud66Error {
  override readonly code = 'INVALID_INPUT';
}
