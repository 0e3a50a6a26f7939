import { type DbType, parseApiUrl, parseDbTypes, parseDuration } from '@c66-backup/core';
import { type Env, InputError, inputField, optional, parseBoolean, required } from './inputs.js';

/** Every input of check/action.yml, validated and converted. */
export interface CheckInputs {
  token: string;
  stack: string;
  environment: string | undefined;
  /** The db types to check, or `all`: every type the stack has backups of. */
  dbTypes: DbType[] | 'all';
  maxAgeMs: number;
  requireVerified: boolean;
  failOnStale: boolean;
  apiUrl: string;
}

export const DEFAULT_MAX_AGE = '26h';

/** Validates every input of the check action before any request (all problems at once). */
export function parseCheckInputs(env: Env): CheckInputs {
  const problems: string[] = [];
  const field = inputField(env, problems);
  const inputs: CheckInputs = {
    token: field('api-token', required),
    stack: field('stack', required),
    environment: field('environment', optional),
    dbTypes: field('db-type', (raw) => parseDbTypes(raw || 'all')),
    maxAgeMs: field('max-age', (raw) => parseDuration(raw || DEFAULT_MAX_AGE)),
    requireVerified: field('require-verified', (raw) => parseBoolean(raw, false)),
    failOnStale: field('fail-on-stale', (raw) => parseBoolean(raw, true)),
    apiUrl: field('api-url', parseApiUrl),
  };
  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}
