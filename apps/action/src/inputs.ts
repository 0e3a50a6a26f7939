import {
  type DbType,
  isInsecureApiUrl,
  parseApiUrl,
  parseDbTypes,
  parseDuration,
  validateCron,
} from '@c66-backup/core';

/** Environment variables as the runner passes them (`INPUT_API-TOKEN`, ...). */
export type Env = Record<string, string | undefined>;

/** Every input of action.yml, validated and converted. */
export interface ActionInputs {
  token: string;
  stack: string;
  environment: string | undefined;
  /** The db types in the order given, or `all` (the create request then says `all` too). */
  dbTypes: DbType[] | 'all';
  wait: boolean;
  timeoutMs: number;
  pollIntervalMs: number;
  failOnTimeout: boolean;
  apiUrl: string;
  create: CreateOptions;
  /** Reuse backups that started at most this long ago (ms); undefined: always create. */
  reuseWithinMs?: number;
}

/** The create options the user set; unset ones are left to Cloud 66's defaults. */
export interface CreateOptions {
  gzip?: boolean;
  excludedTables?: string;
  runOnReplicaServer?: boolean;
  keepCount?: number;
  frequency?: string;
}

/** One or more inputs are invalid; `problems` has one sentence per input. */
export class InputError extends Error {
  readonly code = 'INVALID_INPUT';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'InputError';
  }
}

/** Reads an input the way the runner passes it: `INPUT_` + upper-cased name, hyphens kept. */
export function readInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** The API token, read apart so it can be masked before anything else happens. */
export function readToken(env: Env): string {
  return readInput(env, 'api-token');
}

/**
 * Validates every input before any request, collecting all problems at once so one run
 * shows everything to fix.
 */
export function parseInputs(env: Env): ActionInputs {
  const problems: string[] = [];
  const field = inputField(env, problems);

  const inputs: ActionInputs = {
    token: field('api-token', required),
    stack: field('stack', required),
    environment: field('environment', optional),
    dbTypes: field('db-type', (raw) => parseDbTypes(raw || 'all')),
    wait: field('wait', (raw) => parseBoolean(raw, true)),
    timeoutMs: field('timeout-seconds', (raw) => 1000 * parsePositive(raw || '1800', true)),
    pollIntervalMs: field('poll-interval-seconds', (raw) => 1000 * parsePositive(raw || '15')),
    failOnTimeout: field('fail-on-timeout', (raw) => parseBoolean(raw, true)),
    apiUrl: field('api-url', parseApiUrl),
    create: {},
  };
  const gzip = field('gzip', (raw) => parseBoolean(raw, undefined));
  const excludedTables = field('excluded-tables', optional);
  const runOnReplicaServer = field('run-on-replica-server', (raw) => parseBoolean(raw, undefined));
  const keepCount = field('keep-count', (raw) => (raw ? parsePositive(raw, true) : undefined));
  const frequency = field('frequency', (raw) => (raw ? validateCron(raw) : undefined));
  const reuseWithinMs = field('reuse-within', (raw) => (raw ? parseDuration(raw) : undefined));
  if (reuseWithinMs !== undefined) inputs.reuseWithinMs = reuseWithinMs;
  if (gzip !== undefined) inputs.create.gzip = gzip;
  if (excludedTables !== undefined) inputs.create.excludedTables = excludedTables;
  if (runOnReplicaServer !== undefined) inputs.create.runOnReplicaServer = runOnReplicaServer;
  if (keepCount !== undefined) inputs.create.keepCount = keepCount;
  if (frequency !== undefined) inputs.create.frequency = frequency;

  if (problems.length > 0) throw new InputError(problems);
  return inputs;
}

/**
 * `field(name, parse)` reads one input through `parse`; a throw becomes a sentence in
 * `problems` (and `undefined`), so a run can report every bad input at once.
 */
export function inputField(env: Env, problems: string[]) {
  return <T>(name: string, parse: (raw: string) => T): T => {
    try {
      return parse(readInput(env, name));
    } catch (error) {
      problems.push(`Input '${name}': ${error instanceof Error ? error.message : String(error)}`);
      return undefined as T;
    }
  };
}

export function required(raw: string): string {
  if (!raw) throw new Error('is required and was not supplied');
  return raw;
}

export function optional(raw: string): string | undefined {
  return raw || undefined;
}

/** YAML 1.2 core-schema booleans, like `core.getBooleanInput`; empty means the default. */
export function parseBoolean<D extends boolean | undefined>(raw: string, fallback: D): boolean | D {
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new Error(`'${raw}' is not a boolean (use true or false)`);
}

function parsePositive(raw: string, integer = false): number {
  const pattern = integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
  const value = Number(raw);
  if (!pattern.test(raw) || !Number.isFinite(value) || value <= 0) {
    throw new Error(`'${raw}' is not a positive ${integer ? 'whole number' : 'number'}`);
  }
  return value;
}

/** A warning when the token would cross a network unencrypted (the core's rule). */
export function apiUrlWarning(apiUrl: string): string | undefined {
  if (!isInsecureApiUrl(apiUrl)) return undefined;
  return `api-url ${new URL(apiUrl).origin} is plain http: the api-token travels unencrypted`;
}
