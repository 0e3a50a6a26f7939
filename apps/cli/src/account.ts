import type { CliDeps } from './deps.js';
import { UsageError } from './usage-error.js';

/**
 * The Cloud 66 account (organisation) to act in: `--account`, else `C66_ACCOUNT`, else none
 * (the token's default account). Sent by the core as `X-Account`. Account IDs are integers in
 * the API (a stack's `account_id`), and only digits can never smuggle anything into a header.
 */
export function resolveAccount(
  flag: string | undefined,
  deps: Pick<CliDeps, 'env'>,
): string | undefined {
  const fromEnv = deps.env.C66_ACCOUNT?.trim() || undefined;
  const value = flag?.trim() ?? fromEnv;
  if (value === undefined) return undefined;
  const source = flag !== undefined ? '--account' : 'C66_ACCOUNT';
  if (!/^\d+$/.test(value)) {
    throw new UsageError(`${source} must be a Cloud 66 account ID (digits), got '${value}'`);
  }
  return value;
}
