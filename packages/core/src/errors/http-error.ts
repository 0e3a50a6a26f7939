import { errorBodySchema } from '../schemas/envelope.js';
import {
  ApiError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ThrottledError,
  TrialExpiredError,
  UnauthenticatedError,
} from './api-status-errors.js';
import type { Cloud66Error, Cloud66ErrorOptions } from './cloud66-error.js';

type ErrorClass = new (message: string, options?: Cloud66ErrorOptions) => Cloud66Error;

const BY_STATUS: Record<number, ErrorClass> = {
  401: UnauthenticatedError,
  402: TrialExpiredError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
};

/**
 * The error for a non-2xx answer. Message: Cloud 66's `details`, else its
 * `error_description`, else `unexpected error (status N)` (also for a non-JSON body).
 */
export function httpError(
  status: number,
  bodyText: string,
  context: { requestId?: string; endpoint: string },
): Cloud66Error {
  const body = parseErrorBody(bodyText);
  const apiError = body?.error ?? undefined;
  const message = body?.details || body?.error_description || `unexpected error (status ${status})`;
  const ErrorType =
    status === 503 && apiError === 'throttled' ? ThrottledError : (BY_STATUS[status] ?? ApiError);
  const options: Cloud66ErrorOptions = { status, endpoint: context.endpoint };
  if (apiError !== undefined) options.apiError = apiError;
  if (context.requestId !== undefined) options.requestId = context.requestId;
  return new ErrorType(message, options);
}

function parseErrorBody(text: string) {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
