import type { CliDeps } from './deps.js';
import { UsageError } from './usage-error.js';

/**
 * The API token: the contents of `--token-file` (trimmed) if given, else `C66_TOKEN`.
 * There is deliberately no `--token` flag: it would land in shell history and `ps`.
 */
export async function readToken(
  tokenFile: string | undefined,
  deps: Pick<CliDeps, 'env' | 'readFile'>,
): Promise<string> {
  if (tokenFile !== undefined) {
    let text: string;
    try {
      text = await deps.readFile(tokenFile);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new UsageError(`cannot read --token-file '${tokenFile}' (${reason})`, {
        cause: error,
      });
    }
    const token = text.trim();
    if (!token) throw new UsageError(`--token-file '${tokenFile}' is empty`);
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
