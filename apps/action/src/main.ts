import {
  BackupFailedError,
  type Client,
  type ClientOptions,
  createBackupAndWait,
  createClient,
  type RequestEvent,
  redactText,
  registerSecret,
  resolveStack,
  type Sleep,
  sleep,
  WaitTimeoutError,
} from '@c66-backup/core';
import pkg from '../package.json' with { type: 'json' };
import { formatDuration } from './duration.js';
import { describeFailure, type Phase } from './failure.js';
import { type ActionInputs, type Env, InputError, parseInputs, readToken } from './inputs.js';
import { ActionLog } from './logging.js';
import { setOutputs } from './outputs.js';
import { pacedPollInterval } from './poll-interval.js';
import type { Report } from './report.js';
import { abortOnSignals } from './signals.js';
import { stackDbTypes } from './stack-db-types.js';
import { writeSummary } from './summary.js';
import { actionsToolkit, type Toolkit } from './toolkit.js';
import { describeBackup, WaitProgress } from './wait-progress.js';

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

/**
 * Runs the action: validate the inputs, resolve the stack, create a backup and wait for it
 * (through @c66-backup/core), then set the outputs and write the job summary. Never throws:
 * failures become a failed step (`::error::`, exit code 1). Returns what it reported.
 */
export async function run(overrides: Partial<RunDependencies> = {}): Promise<Report> {
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
    let inputs: ActionInputs;
    try {
      inputs = parseInputs(deps.env);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const problem of error.problems) log.error(problem);
      const report: Report = {
        outcome: 'error',
        dbTypes: [],
        backups: {},
        notes: error.problems.slice(),
      };
      return await finish(deps, log, report, 'Invalid inputs: nothing was sent to Cloud 66');
    }
    return await backUp(inputs, deps, log);
  } finally {
    cancellation?.dispose();
  }
}

async function backUp(
  inputs: ActionInputs,
  deps: RunDependencies,
  log: ActionLog,
): Promise<Report> {
  const { signal, now } = deps;
  const report: Report = { outcome: 'error', dbTypes: inputs.dbTypes, backups: {}, notes: [] };
  const progress = new WaitProgress(log, now);
  let phase: Phase = 'before-create';
  let startedAt: number | undefined;
  try {
    const client = deps.createClient({
      token: inputs.token,
      baseUrl: inputs.apiUrl,
      userAgent: USER_AGENT,
      signal,
      sleep: deps.sleep,
      onRequest: (event) => onRequest(log, event, report),
    });
    const stack = await log.group(`Stack ${inputs.stack}`, () =>
      resolveStack(client, { stack: inputs.stack, environment: inputs.environment, signal }),
    );
    report.stack = { uid: stack.uid, name: stack.name, environment: stack.environment };
    log.info(`Stack: ${stack.name} (${stack.environment}) ${stack.uid}`);
    if (inputs.allDbTypes) {
      report.dbTypes = await stackDbTypes(client, stack, signal);
      log.info(`db-type all: this stack has ${report.dbTypes.join(', ')} backups`);
    }
    const dbTypes = report.dbTypes as typeof inputs.dbTypes;
    const interval = pacedPollInterval(inputs.pollIntervalMs, dbTypes.length, inputs.timeoutMs);
    if (interval.raisedFromMs !== undefined) {
      log.warning(
        `poll-interval-seconds ${interval.raisedFromMs / 1000} is too frequent for ${dbTypes.length} db type(s) over ${formatDuration(inputs.timeoutMs)}; using ${interval.ms / 1000} s to stay well inside Cloud 66's 3,000 requests an hour`,
      );
    }
    phase = 'after-create';
    startedAt = now();
    progress.start();
    const what = `${inputs.wait ? 'Back up and wait for' : 'Queue a backup of'} ${dbTypes.join(', ')}`;
    const result = await log.group(what, () =>
      createBackupAndWait(
        client,
        stack.uid,
        { dbTypes, wait: inputs.wait, signal, ...inputs.create },
        {
          timeoutMs: inputs.timeoutMs,
          pollIntervalMs: interval.ms,
          signal,
          onPoll: progress.onPoll,
          sleep: deps.sleep,
          now,
        },
      ),
    );
    if (!inputs.wait) {
      report.outcome = 'queued';
      report.notes.push(
        'wait is false: Cloud 66 returns no backup ID when a backup is queued, so the ID outputs are empty.',
      );
      return await finish(deps, log, report);
    }
    report.waitMs = now() - startedAt;
    Object.assign(report.backups, result.backups);
    report.outcome = 'succeeded';
    for (const dbType of dbTypes) {
      const backup = report.backups[dbType];
      if (backup) log.info(`${dbType}: backup ${describeBackup(backup)}`);
    }
    return await finish(deps, log, report);
  } catch (error) {
    if (startedAt !== undefined) report.waitMs = now() - startedAt;
    Object.assign(report.backups, progress.found, foundIn(error));
    const failure = describeFailure(error, signal, phase);
    report.outcome = failure.outcome;
    report.notes.push(...failure.notes);
    report.message = redactText(failure.message);
    if (failure.outcome === 'timed-out' && !inputs.failOnTimeout) {
      log.warning(`${failure.message} (fail-on-timeout is false)`);
      return await finish(deps, log, report);
    }
    return await finish(deps, log, report, failure.message);
  }
}

/** The backups a wait error carries: the ones found before a timeout, or the failed one. */
function foundIn(error: unknown): Report['backups'] {
  if (error instanceof WaitTimeoutError) return error.found;
  if (error instanceof BackupFailedError) return { [error.backup.db_type]: error.backup };
  return {};
}

function onRequest(log: ActionLog, event: RequestEvent, report: Report): void {
  const status = event.status ?? 'no answer';
  log.debug(
    `${event.method} ${event.path} -> ${status} in ${event.durationMs} ms (try ${event.attempt})`,
  );
  if (event.warning) log.warning(`Cloud 66: ${event.warning}`);
  if (event.method === 'POST' && event.status !== undefined && event.status < 300) {
    log.info(`Cloud 66 queued the backup of ${report.dbTypes.join(', ')}`);
  }
}

/** Sets the outputs and writes the summary (both even on failure), then fails the step if asked. */
async function finish(
  deps: RunDependencies,
  log: ActionLog,
  report: Report,
  failure?: string,
): Promise<Report> {
  setOutputs(deps.toolkit, report);
  try {
    await writeSummary(deps.toolkit.summary, report);
  } catch (error) {
    log.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (report.outcome === 'queued') for (const note of report.notes) log.info(note);
  if (report.outcome === 'cancelled' || report.outcome === 'timed-out') {
    for (const note of report.notes) log.warning(note);
  }
  if (failure !== undefined) log.fail(failure);
  return report;
}
