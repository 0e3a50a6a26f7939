import {
  type Backup,
  type CreateAndWaitResult,
  createBackupAndWait,
  formatBytes,
  type Stack,
} from '@c66-backup/core';
import type { CommandContext } from './context.js';
import type { CreateRequest, WaitSettings } from './create-request.js';
import { formatDuration } from './duration.js';
import { formatDate } from './output/backup-columns.js';
import { createWaitIndicator } from './progress/wait-indicator.js';

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
  const { all, dbTypes: named, ...create } = request;
  const dbTypes = all ? 'all' : named;
  const indicator = createWaitIndicator(deps.stderr, {
    now: deps.now,
    dbTypes,
    stackName: stack.name,
    timeoutMs: wait.timeoutMs,
  });
  let result: CreateAndWaitResult;
  try {
    result = await createBackupAndWait(
      client,
      stack.uid,
      { ...create, dbTypes, signal: deps.signal },
      {
        timeoutMs: wait.timeoutMs,
        ...(wait.pollIntervalMs === undefined ? {} : { pollIntervalMs: wait.pollIntervalMs }),
        signal: deps.signal,
        onPoll: (event) =>
          indicator.update({
            dbTypes: [...Object.keys(event.found), ...event.missing],
            missing: event.missing,
          }),
      },
    );
  } catch (error) {
    indicator.stop();
    if (deps.signal.aborted) {
      out.note('note: if the backup was already requested, Cloud 66 may still finish it');
    }
    throw error;
  }
  indicator.stop();
  const waitedMs = deps.now() - started;
  const found = result.dbTypes
    .map((type) => result.backups?.[type])
    .filter((b): b is Backup => b !== undefined);
  if (out.json) {
    const ids = Object.fromEntries(found.map((b) => [b.db_type, b.id]));
    out.jsonLine({ stack_uid: stack.uid, backup_ids: ids, waited_ms: waitedMs, backups: found });
    return;
  }
  for (const b of found) {
    out.line(
      `backup ${b.id}: ${b.db_type} ${b.database_name}, ${b.backup_status.label}, ${formatDate(b.backup_date_iso)}, ${formatBytes(b.backup_size ?? 0)}`,
    );
  }
  out.note(`done in ${formatDuration(waitedMs)}`);
}
