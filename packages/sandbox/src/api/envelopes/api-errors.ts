/** A response an API handler produces before faults shape it. */
export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Cloud 66's error body: `{ error, error_description, details }`. */
export function apiError(
  status: number,
  error: string,
  description: string,
  details: string | null = null,
): ApiResult {
  return { status, body: { error, error_description: description, details } };
}

export const errors = {
  badRequest: (details: string) =>
    apiError(
      400,
      'bad_request',
      'The request could not be understood by the server due to malformed syntax or invalid parameters',
      details,
    ),
  unauthenticated: () =>
    apiError(
      401,
      'unauthenticated',
      'The access token is missing, invalid, expired or revoked',
      'Authentication failed: provide a valid access token in the Authorization header',
    ),
  forbidden: () =>
    apiError(
      403,
      'forbidden',
      'The access token does not have the scope this action requires',
      'This action needs the admin scope',
    ),
  notFound: (details: string) =>
    apiError(404, 'not_found', 'The requested resource could not be found', details),
  throttled: () =>
    apiError(
      503,
      'throttled',
      'Rate limit exceeded',
      'You have made too many requests this hour; try again after the start of the next hour',
    ),
};

const ERROR_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  402: 'trial_expired',
  403: 'forbidden',
  404: 'not_found',
  408: 'time_out',
  409: 'conflict',
  429: 'too_many_requests',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/** The error code Cloud 66 uses for a status (for `status` faults without `error`). */
export function errorCodeFor(status: number): string {
  return ERROR_CODES[status] ?? 'error';
}
