import { markSafe, redactText, sanitizeError } from '../redact.js';

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
