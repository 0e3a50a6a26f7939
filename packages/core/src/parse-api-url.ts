import { DEFAULT_BASE_URL } from './client-options.js';
import { InvalidInputError } from './errors/index.js';

/**
 * Reads an API base URL as a user typed it: blank means Cloud 66's own
 * ({@link DEFAULT_BASE_URL}); anything else must be an http(s) URL. Returns it trimmed,
 * without trailing slashes. Throws an {@link InvalidInputError} whose message starts with
 * the value, so an app can prefix where it came from (`--api-url: ...`).
 */
export function parseApiUrl(value: string | undefined): string {
  const text = value?.trim() ?? '';
  if (text === '') return DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidInputError(`'${text}' is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidInputError(`'${text}' must be an http(s) URL`);
  }
  return text.replace(/\/+$/, '');
}
