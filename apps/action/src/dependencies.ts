import type { Client, ClientOptions, Sleep } from '@c66-backup/core';
import pkg from '../package.json' with { type: 'json' };
import type { Env } from './inputs.js';
import type { Toolkit } from './toolkit.js';

/** Everything the run touches outside itself; tests substitute any of it. */
export interface RunDependencies {
  /** Environment with the inputs (`INPUT_API-TOKEN`...); default `process.env`. */
  env: Env;
  /** Runner protocol (outputs, summary, log); default @actions/core. */
  toolkit: Toolkit;
  /** Cancels the run; default: the first SIGINT or SIGTERM of this process. */
  signal: AbortSignal;
  now: () => number;
  sleep: Sleep;
  createClient: (options: ClientOptions) => Client;
  /** Milliseconds between heartbeat lines while waiting (default 60 s). */
  heartbeatMs: number;
}

export const USER_AGENT = `c66-backup-action/${pkg.version}`;
