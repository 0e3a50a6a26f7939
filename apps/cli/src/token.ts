import type { CliDeps } from './deps.js';
import { UsageError } from './usage-error.js';

/** `--token-file -` means standard input, as `docker login --password-stdin` reads it. */
export const STDIN = '-';

/**
 * The API token: the contents of `--token-file` (trimmed; `-` reads standard input) if given,
 * else `C66_TOKEN`. There is deliberately no `--token` flag: it would land in shell history
 * and `ps`.
 */
export async function readToken(
  tokenFile: string | undefined,
  deps: Pick<CliDeps, 'env' | 'readFile' | 'readStdin'>,
): Promise<string> {
  if (tokenFile !== undefined) {
    const source = tokenFile === STDIN ? 'standard input' : `'${tokenFile}'`;
    let text: string;
    try {
      text = await (tokenFile === STDIN ? deps.readStdin() : deps.readFile(tokenFile));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new UsageError(`cannot read --token-file ${source} (${reason})`, { cause: error });
    }
    const token = text.trim();
    if (!token) throw new UsageError(`--token-file ${source} is empty`);
    return token;
  }
  const token = deps.env.C66_TOKEN?.trim();
  if (!token) {
    throw new UsageError(
      'no API token: set C66_TOKEN or pass --token-file <path> (a Cloud 66 personal access token)',
    );
  }
  return token;
}
