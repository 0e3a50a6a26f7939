import type { Fault } from '../faults/fault-types.js';
import type { DbType } from '../world/model.js';
import {
  isSandboxProfile,
  SANDBOX_PROFILES,
  type SandboxProfile,
} from '../world/profile/fields.js';

/** Options of `startSandbox` (flags of `c66-sandbox` in kebab-case, env `C66_SANDBOX_*`). */
export interface SandboxOptions {
  /** TCP port; 0 picks a free one (default 0). */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Seed of the generated data: same seed, same stacks, backups and bytes (default 1). */
  seed?: number;
  /**
   * `documented` (default): stacks and backups carry exactly the fields of Cloud 66's
   * documented examples. `full`: plus every field api-notes names (the Go client's).
   */
  profile?: SandboxProfile;
  /**
   * Seeds a stack named `bare` whose record and backups carry only the required fields
   * (default false; `createStack({ fields: 'required' })` makes one at any time).
   */
  bareStack?: boolean;
  /** Backups of the seeded `bulk` stack (default 1000; generated lazily, so 100,000 is cheap). */
  backups?: number;
  /** Backups bigger than this are split into parts `tar-aa`, `tar-ab`, ... (default 250 MB). */
  splitThresholdBytes?: number;
  /** Delay between a create request and its backup appearing (default 1500 ms). */
  backupDelayMs?: number;
  /** Delay between an import request and the imported backup appearing (default 1500 ms). */
  importDelayMs?: number;
  /** Created backups of these db types fail (default none). */
  failDbTypes?: DbType[];
  /** Lifetime of presigned download URLs (default 3600 s). */
  urlTtlSeconds?: number;
  /** API requests per token per hour before 503 throttled (default 3000; 0 = no limit). */
  rateLimitPerHour?: number;
  /** Added to every API request (default 0). */
  latencyMs?: number;
  /**
   * Network model of the file host, all off by default (loopback speed): bytes per second
   * one connection can carry (like one TCP stream from S3 over the internet)...
   */
  connectionBytesPerSecond?: number;
  /** ...bytes per second all connections share (the user's link)... */
  linkBytesPerSecond?: number;
  /** ...and ms before the first byte of every file host answer (S3's time to first byte). */
  firstByteMs?: number;
  /** Fixed admin token (default derived from the seed). */
  token?: string;
  /** Fixed read-only (public scope) token (default derived from the seed). */
  readOnlyToken?: string;
  /** Faults in force from the start. */
  faults?: Fault[];
  /** How many requests `sb.requests` keeps (oldest dropped first; default 10,000). */
  maxRecordedRequests?: number;
  /** Clock in ms since the epoch (default `Date.now`): drives dates, URL expiry and rate windows. */
  now?: () => number;
}

export type ResolvedOptions = Required<Omit<SandboxOptions, 'token' | 'readOnlyToken'>> & {
  token?: string;
  readOnlyToken?: string;
};

export const DEFAULTS = {
  port: 0,
  host: '127.0.0.1',
  seed: 1,
  profile: 'documented',
  bareStack: false,
  backups: 1000,
  splitThresholdBytes: 250 * 1024 * 1024,
  backupDelayMs: 1500,
  importDelayMs: 1500,
  urlTtlSeconds: 3600,
  rateLimitPerHour: 3000,
  latencyMs: 0,
  connectionBytesPerSecond: 0,
  linkBytesPerSecond: 0,
  firstByteMs: 0,
  maxRecordedRequests: 10_000,
} as const;

export class SandboxOptionError extends Error {
  readonly code = 'SANDBOX_OPTION';
  constructor(message: string) {
    super(message);
    this.name = 'SandboxOptionError';
  }
}

function check(name: string, value: number, min: number, integer = false): number {
  if (!Number.isFinite(value) || value < min || (integer && !Number.isSafeInteger(value))) {
    const kind = integer ? 'a whole number' : 'a number';
    throw new SandboxOptionError(`${name} must be ${kind} >= ${min} (got ${value})`);
  }
  return value;
}

/** Applies defaults and rejects impossible values with a message naming the option. */
export function resolveOptions(opts: SandboxOptions = {}): ResolvedOptions {
  const o = { ...DEFAULTS, failDbTypes: [], faults: [], now: Date.now, ...stripUndefined(opts) };
  if (!isSandboxProfile(o.profile)) {
    throw new SandboxOptionError(
      `profile must be one of ${SANDBOX_PROFILES.join(', ')} (got ${JSON.stringify(o.profile)})`,
    );
  }
  check('port', o.port, 0, true);
  check('seed', o.seed, 0, true);
  check('backups', o.backups, 0, true);
  check('splitThresholdBytes', o.splitThresholdBytes, 1, true);
  check('backupDelayMs', o.backupDelayMs, 0);
  check('importDelayMs', o.importDelayMs, 0);
  check('urlTtlSeconds', o.urlTtlSeconds, 0);
  check('rateLimitPerHour', o.rateLimitPerHour, 0, true);
  check('latencyMs', o.latencyMs, 0);
  check('connectionBytesPerSecond', o.connectionBytesPerSecond, 0);
  check('linkBytesPerSecond', o.linkBytesPerSecond, 0);
  check('firstByteMs', o.firstByteMs, 0);
  return o;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
