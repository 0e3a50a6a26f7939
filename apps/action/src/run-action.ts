import { createClient, redactText, registerSecret } from '@c66-backup/core';
import type { RunDependencies } from './dependencies.js';
import { apiUrlWarning, type Env, InputError, readToken } from './inputs.js';
import { ActionLog } from './logging.js';
import { abortOnSignals } from './signals.js';
import { actionsToolkit } from './toolkit.js';

/** One action entry (backup, check): how it reads its inputs and what it does with them. */
export interface ActionEntry<I extends { apiUrl: string }, R> {
  parse: (env: Env) => I;
  /** The result when inputs are invalid; each problem is already logged as an error. */
  invalid: (deps: RunDependencies, log: ActionLog, problems: readonly string[]) => Promise<R>;
  work: (inputs: I, deps: RunDependencies, log: ActionLog) => Promise<R>;
  /** The result of an unexpected throw, from its (redacted) message. */
  unexpected: (message: string) => R;
}

/**
 * What every action entry does around its own work: fill in the real dependencies, mask
 * the token before anything can print it, cancel on SIGINT/SIGTERM, validate every input
 * before any request, warn about a plain-http API URL, and turn an unexpected throw (a bug,
 * an unwritable output file) into a failed step, never a crash.
 */
export async function runAction<I extends { apiUrl: string }, R>(
  overrides: Partial<RunDependencies>,
  entry: ActionEntry<I, R>,
): Promise<R> {
  const cancellation = overrides.signal ? undefined : abortOnSignals(process);
  const deps: RunDependencies = {
    env: process.env,
    toolkit: actionsToolkit,
    signal: cancellation?.signal as AbortSignal,
    now: Date.now,
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
    let inputs: I;
    try {
      inputs = entry.parse(deps.env);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const problem of error.problems) log.error(problem);
      return await entry.invalid(deps, log, error.problems.map(redactText));
    }
    const insecure = apiUrlWarning(inputs.apiUrl);
    if (insecure) log.warning(insecure);
    return await entry.work(inputs, deps, log);
  } catch (error) {
    const message = `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    log.fail(message);
    return entry.unexpected(redactText(message));
  } finally {
    cancellation?.dispose();
  }
}
