import { type Client, type ClientOptions, describeListChange, type Sleep } from '@c66-backup/core';
import pkg from '../package.json' with { type: 'json' };
import type { Env } from './inputs.js';
import type { ActionLog } from './logging.js';
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
  /** Waits between polls and retries; default: the core's own (real time). */
  sleep?: Sleep;
  createClient: (options: ClientOptions) => Client;
  /** Milliseconds between heartbeat lines while waiting (default 60 s). */
  heartbeatMs: number;
}

export const USER_AGENT = `c66-backup-action/${pkg.version}`;

/**
 * The core client of a run: its token and API URL, its signal and sleep, the request log,
 * and a warning when a list it reads shifted (handled) or ended early.
 */
export function clientOf(
  inputs: { token: string; apiUrl: string },
  deps: RunDependencies,
  log: ActionLog,
  onRequest: ClientOptions['onRequest'],
): Client {
  return deps.createClient({
    token: inputs.token,
    baseUrl: inputs.apiUrl,
    userAgent: USER_AGENT,
    signal: deps.signal,
    sleep: deps.sleep,
    onRequest,
    onListChange: (change) => log.warning(describeListChange(change)),
  });
}
