import { InvalidInputError, isInsecureApiUrl, parseApiUrl } from '@c66-backup/core';
import type { CliDeps } from './deps.js';
import { UsageError } from './usage-error.js';

/** The environment variable that, set to 1, allows plain http to another machine. */
export const ALLOW_INSECURE_ENV = 'C66_ALLOW_INSECURE_HTTP';

/**
 * `--api-url`, else `C66_API_URL`, else the real API (the core parses and normalises it).
 * Plain http to another machine would send the token unencrypted: refused unless
 * `--allow-insecure-http` (or C66_ALLOW_INSECURE_HTTP=1) says it is meant, then warned
 * about on stderr. The sandbox on 127.0.0.1 needs neither.
 */
export function resolveApiUrl(
  flag: string | undefined,
  deps: Pick<CliDeps, 'env' | 'stderr'>,
  opts: { allowInsecureHttp?: boolean } = {},
): string {
  const fromEnv = deps.env.C66_API_URL?.trim() || undefined;
  const source = flag !== undefined ? '--api-url' : fromEnv ? 'C66_API_URL' : 'default';
  let url: string;
  try {
    url = parseApiUrl(flag ?? fromEnv);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    throw new UsageError(`${source}: ${error.message}`, { cause: error });
  }
  if (!isInsecureApiUrl(url)) return url;
  const origin = new URL(url).origin;
  if (!(opts.allowInsecureHttp || deps.env[ALLOW_INSECURE_ENV] === '1')) {
    throw new UsageError(
      `${source} ${origin} is plain http to another machine: the token would cross the network unencrypted; use https, or pass --allow-insecure-http (or set ${ALLOW_INSECURE_ENV}=1) if you mean it`,
    );
  }
  deps.stderr.write(`warning: ${source} ${origin} is plain http: the token travels unencrypted\n`);
  return url;
}
