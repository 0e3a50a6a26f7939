import { Cloud66Error } from './cloud66-error.js';

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
