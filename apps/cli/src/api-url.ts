import type { CliDeps } from './deps.js';
import { UsageError } from './usage-error.js';

export const defaultApiUrl = 'https://app.cloud66.com/api/3';

/** `--api-url`, else `C66_API_URL`, else the real API; must be an http(s) URL. */
export function resolveApiUrl(flag: string | undefined, deps: Pick<CliDeps, 'env'>): string {
  const fromEnv = deps.env.C66_API_URL?.trim() || undefined;
  const value = flag ?? fromEnv ?? defaultApiUrl;
  const source = flag !== undefined ? '--api-url' : fromEnv ? 'C66_API_URL' : 'default';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${source} is not a URL: '${value}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${source} must be an http(s) URL, got '${value}'`);
  }
  return value.replace(/\/+$/, '');
}
