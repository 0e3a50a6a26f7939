import {
  type Backup,
  type CreateOrReuseResult,
  createOrReuseBackup,
  type DbTypeSelection,
  fieldText,
  formatAge,
  formatBytes,
  formatDuration,
  type ReusePlan,
  type Stack,
} from '@c66-backup/core';
import type { CommandContext } from '../../../context.js';
import { formatDate } from '../../../output/backup-columns.js';
import { joinPresent } from '../../../output/or-dash.js';
import { createWaitIndicator, type WaitIndicator } from '../../../progress/wait-indicator.js';
import type { CreateRequest, WaitSettings } from './create-request.js';

/**
 * `backups create --wait`: the core's create-and-wait flow behind a spinner, then one line
 * per new backup (or one JSON document). Failures and timeouts surface as the core's errors.
 */
export async function createAndWait(
  ctx: CommandContext,
  stack: Stack,
  request: CreateRequest,
  wait: WaitSettings,
): Promise<void> {
  const { client, deps, out } = ctx;
  const started = deps.now();
  const { dbTypes, ...create } = request;
  let indicator: WaitIndicator | undefined;
  const startWaiting = (types: DbTypeSelection) => {
    indicator = createWaitIndicator(deps.stderr, {
      now: deps.now,
      dbTypes: types,
      stackName: stack.name,
      timeoutMs: wait.timeoutMs,
    });
  };
  const reuse = wait.reuseWithinMs;
  const onPlan = ({ reused, creating, freshness }: ReusePlan) => {
    for (const r of reused) {
      out.note(
        `reusing ${r.dbType} backup ${r.backup?.id}: started ${formatAge(r.ageMs ?? 0)} ago, within ${formatAge(reuse ?? 0)}`,
      );
    }
    for (const problem of freshness.problems) out.note(`not reusable: ${problem}`);
    if (creating === 'all' || creating.length > 0) startWaiting(creating);
  };
  if (reuse === undefined) startWaiting(dbTypes);
  let result: CreateOrReuseResult;
  try {
    result = await createOrReuseBackup(
      client,
      stack.uid,
      {
        ...create,
        dbTypes,
        signal: deps.signal,
        ...(reuse === undefined ? {} : { reuseWithinMs: reuse, onPlan }),
      },
      {
        timeoutMs: wait.timeoutMs,
        ...(wait.pollIntervalMs === undefined ? {} : { pollIntervalMs: wait.pollIntervalMs }),
        signal: deps.signal,
        onPoll: (event) =>
          indicator?.update({
            dbTypes: [...Object.keys(event.found), ...event.missing],
            missing: event.missing,
          }),
      },
    );
  } catch (error) {
    indicator?.stop();
    if (deps.signal.aborted) {
      out.note('note: if the backup was already requested, Cloud 66 may still finish it');
    }
    throw error;
  }
  indicator?.stop();
  const waitedMs = deps.now() - started;
  const reusedTypes = result.reused.map((r) => r.dbType);
  const found = result.dbTypes
    .map((type) => result.backups[type])
    .filter((b): b is Backup => b !== undefined);
  if (out.json) {
    const ids = Object.fromEntries(found.map((b) => [b.db_type, b.id]));
    out.jsonLine({
      stack_uid: stack.uid,
      backup_ids: ids,
      waited_ms: waitedMs,
      // true only when nothing was created: every backup listed already existed.
      reused: result.created.length === 0,
      reused_db_types: reusedTypes,
      backups: found,
    });
    return;
  }
  for (const b of found) {
    const age = result.reused.find((r) => r.dbType === b.db_type)?.ageMs;
    const note = age === undefined ? '' : ` (reused, ${formatAge(age)} old)`;
    // What the server did not send is left out of the sentence.
    const size = fieldText(b.backup_size, formatBytes);
    const facts = [
      joinPresent([b.db_type, b.database_name]),
      b.backup_status.label,
      formatDate(b.backup_date_iso),
      size,
    ];
    out.line(`backup ${b.id}: ${joinPresent(facts, ', ')}${note}`);
  }
  out.note(
    result.created.length === 0
      ? 'nothing created: every backup was recent enough'
      : `done in ${formatDuration(waitedMs)}`,
  );
}
