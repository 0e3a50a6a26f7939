import { checkFreshness, redactText, resolveStack } from '@c66-backup/core';
import { type CheckInputs, parseCheckInputs } from './check-inputs.js';
import { type CheckReport, setCheckOutputs } from './check-report.js';
import { writeCheckSummary } from './check-summary.js';
import { clientOf, type RunDependencies } from './dependencies.js';
import { describeFailure } from './failure.js';
import type { ActionLog } from './logging.js';
import { requestLogger } from './request-log.js';
import { runAction } from './run-action.js';

/**
 * The check action (check/action.yml): is the newest good backup of each db type recent
 * enough? Sets `fresh`, `backup-ids`, `ages-seconds`, writes a table to the job summary,
 * and fails the step when a db type is stale, failed or missing (unless fail-on-stale is
 * false). Read-only: a public-scope token is enough. Never throws.
 */
export function runCheck(overrides: Partial<RunDependencies> = {}): Promise<CheckReport> {
  return runAction(overrides, {
    parse: parseCheckInputs,
    invalid: (deps, log) => {
      const message = 'Invalid inputs: nothing was asked of Cloud 66';
      return end(deps, log, { outcome: 'error', requireVerified: false, message }, message);
    },
    work: check,
    unexpected: (message) => ({ outcome: 'error', requireVerified: false, message }),
  });
}

async function check(inputs: CheckInputs, deps: RunDependencies, log: ActionLog) {
  const { signal } = deps;
  const report: CheckReport = { outcome: 'error', requireVerified: inputs.requireVerified };
  try {
    const client = clientOf(
      inputs,
      deps,
      log,
      requestLogger(log, () => []),
    );
    const stack = await resolveStack(client, {
      stack: inputs.stack,
      environment: inputs.environment,
      signal,
    });
    report.stack = { uid: stack.uid, name: stack.name, environment: stack.environment };
    log.info(`Stack: ${stack.name} (${stack.environment}) ${stack.uid}`);
    const freshness = await checkFreshness(client, stack.uid, inputs.dbTypes, {
      maxAgeMs: inputs.maxAgeMs,
      requireVerified: inputs.requireVerified,
      signal,
      now: deps.now,
    });
    report.freshness = freshness;
    for (const entry of freshness.dbTypes) log.info(`${entry.state}: ${entry.reason}`);
    if (freshness.fresh) {
      report.outcome = 'fresh';
      return await end(deps, log, report);
    }
    report.outcome = 'stale';
    const message = `Backups of ${stack.name} (${stack.environment}) are not fresh: ${freshness.problems.join('; ')}`;
    report.message = redactText(message);
    if (!inputs.failOnStale) {
      log.warning(`${message} (fail-on-stale is false)`);
      return await end(deps, log, report);
    }
    return await end(deps, log, report, message);
  } catch (error) {
    // The check only reads: the core's hint for a 403 on a read is not about the admin scope.
    const { message } = describeFailure(error, signal, 'before-create');
    report.message = redactText(message);
    return end(deps, log, report, message);
  }
}

/** Outputs and summary (even on failure, with what is known), then fail when asked to. */
async function end(deps: RunDependencies, log: ActionLog, report: CheckReport, failure?: string) {
  setCheckOutputs(deps.toolkit, report);
  try {
    await writeCheckSummary(deps.toolkit.summary, report);
  } catch (error) {
    log.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (failure !== undefined) log.fail(failure);
  return report;
}
