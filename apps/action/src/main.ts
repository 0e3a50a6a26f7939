import {
  BackupFailedError,
  createOrReuseBackup,
  type DbTypeSelection,
  formatAge,
  formatDuration,
  type ReusePlan,
  redactText,
  resolveStack,
  selectedDbTypes,
  WaitTimeoutError,
} from '@c66-backup/core';
import { clientOf, type RunDependencies } from './dependencies.js';
import { describeFailure, type Phase } from './failure.js';
import { finish } from './finish.js';
import { type ActionInputs, parseInputs } from './inputs.js';
import type { ActionLog } from './logging.js';
import { pacedPollInterval } from './poll-interval.js';
import type { Report } from './report.js';
import { requestLogger } from './request-log.js';
import { runAction } from './run-action.js';
import { describeBackup, WaitProgress } from './wait-progress.js';

export type { RunDependencies } from './dependencies.js';

/**
 * Runs the action: validate the inputs, resolve the stack, create a backup and wait for it
 * (through @c66-backup/core), then set the outputs and write the job summary. Never throws:
 * every failure becomes a failed step (`::error::`, exit code 1). Returns what it reported.
 */
export function run(overrides: Partial<RunDependencies> = {}): Promise<Report> {
  return runAction(overrides, {
    parse: parseInputs,
    invalid: (deps, log, notes) => {
      const message = 'Invalid inputs: nothing was sent to Cloud 66';
      const report: Report = {
        outcome: 'error',
        dbTypes: [],
        backups: {},
        message,
        notes: [...notes],
      };
      return finish(deps.toolkit, log, report, message);
    },
    work: backUp,
    unexpected: (message) => ({ outcome: 'error', dbTypes: [], backups: {}, message, notes: [] }),
  });
}

async function backUp(
  inputs: ActionInputs,
  deps: RunDependencies,
  log: ActionLog,
): Promise<Report> {
  const { signal, now } = deps;
  // `all` becomes the db types the stack has backups of, known only once the core looked:
  // until then the report says `all` (and the pace is set for every type there is).
  const dbTypesAsked = inputs.dbTypes === 'all' ? ['all'] : inputs.dbTypes;
  const report: Report = { outcome: 'error', dbTypes: dbTypesAsked, backups: {}, notes: [] };
  const progress = new WaitProgress(log, now);
  let phase: Phase = 'before-create';
  let startedAt: number | undefined;
  /** With some backups reused, the db types actually created (for the "queued" line). */
  let toCreate: DbTypeSelection | undefined;
  try {
    const client = clientOf(
      inputs,
      deps,
      log,
      requestLogger(log, () => toCreate ?? inputs.dbTypes),
    );
    const stack = await log.group(`Stack ${inputs.stack}`, () =>
      resolveStack(client, { stack: inputs.stack, environment: inputs.environment, signal }),
    );
    report.stack = { uid: stack.uid, name: stack.name, environment: stack.environment };
    log.info(`Stack: ${stack.name} (${stack.environment}) ${stack.uid}`);
    const { dbTypes } = inputs;
    // Each poll costs a request per db type; `all` is paced as every type there is.
    const count = selectedDbTypes(dbTypes).length;
    const interval = pacedPollInterval(inputs.pollIntervalMs, count, inputs.timeoutMs);
    if (interval.raisedFromMs !== undefined) {
      log.warning(
        `poll-interval-seconds ${interval.raisedFromMs / 1000} is too frequent for ${count} db type(s) over ${formatDuration(inputs.timeoutMs)}; using ${interval.ms / 1000} s to stay well inside Cloud 66's 3,000 requests an hour`,
      );
    }
    const reuse = inputs.reuseWithinMs;
    // With reuse-within, nothing is requested until the freshness look decided (onPlan).
    phase = reuse === undefined ? 'after-create' : 'before-create';
    startedAt = now();
    progress.start();
    const unless = reuse === undefined ? '' : ` (unless one started within ${formatAge(reuse)})`;
    const what = `${inputs.wait ? 'Back up and wait for' : 'Queue a backup of'} ${report.dbTypes.join(', ')}${unless}`;
    if (reuse !== undefined) report.reuseWithinMs = reuse;
    const onPlan = ({ freshness, reused, creating }: ReusePlan) => {
      if (creating.length > 0) {
        toCreate = creating;
        phase = 'after-create';
      }
      for (const problem of freshness.problems) log.info(`Not reusable: ${problem}`);
      report.reused = reused.map((r) => ({ dbType: r.dbType, ageMs: r.ageMs ?? 0 }));
      for (const r of reused) {
        if (!r.backup) continue;
        report.backups[r.dbType] = r.backup;
        log.info(
          `${r.dbType}: reusing backup ${describeBackup(r.backup)}, started ${formatAge(r.ageMs ?? 0)} ago (within ${formatAge(reuse ?? 0)})`,
        );
      }
    };
    const result = await log.group(what, () =>
      createOrReuseBackup(
        client,
        stack.uid,
        {
          dbTypes,
          wait: inputs.wait,
          signal,
          ...inputs.create,
          ...(reuse === undefined ? {} : { reuseWithinMs: reuse, onPlan }),
        },
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
    if (result.dbTypes.length > 0) report.dbTypes = result.dbTypes;
    if (result.created.length === 0) {
      report.outcome = 'reused';
      return await finish(deps.toolkit, log, report);
    }
    if (!inputs.wait) {
      report.outcome = 'queued';
      report.notes.push(
        report.reused?.length
          ? 'wait is false: Cloud 66 returns no backup ID when a backup is queued, so the ID outputs hold only the reused backups.'
          : 'wait is false: Cloud 66 returns no backup ID when a backup is queued, so the ID outputs are empty.',
      );
      return await finish(deps.toolkit, log, report);
    }
    report.waitMs = now() - startedAt;
    Object.assign(report.backups, result.backups);
    report.outcome = 'succeeded';
    for (const dbType of result.created) {
      const backup = report.backups[dbType];
      if (backup) log.info(`${dbType}: backup ${describeBackup(backup)}`);
    }
    return await finish(deps.toolkit, log, report);
  } catch (error) {
    if (startedAt !== undefined) report.waitMs = now() - startedAt;
    if (inputs.dbTypes === 'all' && progress.dbTypes) {
      const reused = report.reused?.map((r) => r.dbType) ?? [];
      report.dbTypes = [...new Set([...reused, ...progress.dbTypes])];
    }
    Object.assign(report.backups, progress.found, foundIn(error));
    const failure = describeFailure(error, signal, phase);
    report.outcome = failure.outcome;
    report.notes.push(...failure.notes);
    report.message = redactText(failure.message);
    if (failure.outcome === 'timed-out' && !inputs.failOnTimeout) {
      log.warning(`${failure.message} (fail-on-timeout is false)`);
      return await finish(deps.toolkit, log, report);
    }
    return await finish(deps.toolkit, log, report, failure.message);
  }
}

/** The backups a wait error carries: the ones found before a timeout, or the failed one. */
function foundIn(error: unknown): Report['backups'] {
  if (error instanceof WaitTimeoutError) return error.found;
  if (error instanceof BackupFailedError) return { [error.backup.db_type]: error.backup };
  return {};
}
