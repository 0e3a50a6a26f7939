/**
 * Secrets never leave the core in clear text: the API token and the query string of
 * any URL (a presigned download URL's signature lives there). Every error message,
 * `toJSON()` and `cause` chain built by the core goes through these helpers.
 */

const secrets = new Set<string>();

/** Shortest value worth scrubbing: shorter ones would mangle ordinary words. */
const MIN_SECRET_LENGTH = 8;

/**
 * Registers a value (a token) that {@link redactText} must scrub wherever it appears.
 * `createClient` registers its token; apps may register others.
 */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
}

/** `https://host/path?X-Amz-Signature=...` -> `https://host/path?[redacted]` (fragment dropped too). */
export function redactUrl(url: string | URL): string {
  const text = String(url);
  const cut = text.search(/[?#]/);
  if (cut === -1) return text;
  return `${text.slice(0, cut)}${text[cut] === '?' ? '?[redacted]' : ''}`;
}

const URL_WITH_QUERY = /\b(https?:\/\/[^\s?#"'<>]+)\?[^\s"'<>]*/gi;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9\-._~+/=]+/gi;

/** Scrubs registered secrets, bearer credentials and URL query strings from free text. */
export function redactText(text: string): string {
  let out = text.replace(URL_WITH_QUERY, '$1?[redacted]').replace(BEARER, '$1 [redacted]');
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join('[redacted]');
  }
  return out;
}

interface SafeErrorShape {
  name: string;
  message: string;
  code?: unknown;
  cause?: unknown;
}

/**
 * Turns any thrown value into a plain, redacted Error safe to keep as a `cause`:
 * foreign errors (ky's, undici's) may carry requests, headers and URLs, so only the
 * name, message, code and stack survive, each redacted, and the cause chain recursively.
 */
export function sanitizeError(value: unknown, depth = 0): Error | undefined {
  if (value === undefined || value === null) return undefined;
  if (depth > 5) return undefined;
  if (!(value instanceof Error)) return new Error(redactText(String(value)));
  if (isAlreadySafe(value)) return value;
  const source = value as Error & SafeErrorShape;
  const safe = new Error(redactText(source.message), {
    cause: sanitizeError(source.cause, depth + 1),
  }) as Error & SafeErrorShape;
  if (source.cause === undefined) delete (safe as { cause?: unknown }).cause;
  safe.name = source.name;
  if (typeof source.code === 'string' || typeof source.code === 'number') safe.code = source.code;
  safe.stack = source.stack ? redactText(source.stack) : undefined;
  return safe;
}

const SAFE = Symbol.for('c66-backup.redacted');

/** Marks an error the core built itself (already redacted) so it is kept as is. */
export function markSafe<T extends Error>(error: T): T {
  Object.defineProperty(error, SAFE, { value: true, enumerable: false });
  return error;
}

function isAlreadySafe(error: Error): boolean {
  return (error as unknown as Record<symbol, unknown>)[SAFE] === true;
}
