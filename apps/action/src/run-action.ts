import { createClient, redactText, registerSecret, sleep } from '@c66-backup/core';
import type { RunDependencies } from './dependencies.js';
import { readToken } from './inputs.js';
import { ActionLog } from './logging.js';
import { abortOnSignals } from './signals.js';
import { actionsToolkit } from './toolkit.js';

/**
 * What every action entry (backup, check) does around its own work: fill in the real
 * dependencies, mask the token before anything can print it, cancel on SIGINT/SIGTERM, and
 * turn an unexpected throw (a bug, an unwritable output file) into a failed step, never a
 * crash. `unexpected` builds the result for that case from the redacted message.
 */
export async function runAction<R>(
  overrides: Partial<RunDependencies>,
  work: (deps: RunDependencies, log: ActionLog) => Promise<R>,
  unexpected: (message: string) => R,
): Promise<R> {
  const cancellation = overrides.signal ? undefined : abortOnSignals(process);
  const deps: RunDependencies = {
    env: process.env,
    toolkit: actionsToolkit,
    signal: cancellation?.signal as AbortSignal,
    now: Date.now,
    sleep,
    createClient,
    heartbeatMs: 60_000,
    ...overrides,
  };
  const log = new ActionLog(deps.toolkit, { now: deps.now, heartbeatMs: deps.heartbeatMs });
  // Masked before anything else can print it.
  const token = readToken(deps.env);
  if (token) {
    deps.toolkit.setSecret(token);
    registerSecret(token);
  }
  try {
    return await work(deps, log);
  } catch (error) {
    const message = `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    log.fail(message);
    return unexpected(redactText(message));
  } finally {
    cancellation?.dispose();
  }
}
