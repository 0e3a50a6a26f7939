import { ForbiddenError, ThrottledError, UnauthenticatedError } from './errors/index.js';

/**
 * What a user should know about an access failure, in one clause, or undefined for other
 * errors: 401 (the token is wrong or revoked: Cloud 66 tokens do not expire), 403 (the
 * token's scope: creating or importing needs `admin`), 503 throttled (the hourly limit).
 * Apps add where their token came from (`check C66_TOKEN: ...`).
 */
export function errorHint(error: unknown): string | undefined {
  if (error instanceof UnauthenticatedError) return 'the token is wrong or revoked';
  if (error instanceof ForbiddenError) {
    // Create and import are the only POSTs, and the only calls the read-only `public` scope lacks.
    return error.endpoint?.startsWith('POST ')
      ? 'creating or importing backups needs a token with the admin scope'
      : "the token's scope does not allow this request";
  }
  if (error instanceof ThrottledError) {
    return "Cloud 66's rate limit (3,000 requests an hour) is spent; try again in the next hour";
  }
  return undefined;
}
