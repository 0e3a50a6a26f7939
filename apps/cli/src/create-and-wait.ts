import { type Backup, createBackupAndWait, formatBytes, type Stack } from '@c66-backup/core';
import type { CommandContext } from './context.js';
import type { CreateRequest, WaitSettings } from './create-request.js';
import { dbTypesWithBackups } from './db-types-with-backups.js';
import { formatDuration } from './duration.js';
import { formatDate } from './output/backup-columns.js';
import { createWaitIndicator } from './progress/wait-indicator.js';
import { UsageError } from './usage-error.js';

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
  const dbTypes = request.all
    ? await dbTypesWithBackups(client, stack.uid, deps.signal)
    : request.dbTypes;
  if (dbTypes.length === 0) {
    throw new UsageError(
      `stack ${stack.name} has no backups yet, so what 'all' covers is unknown: pass --db-type (e.g. postgresql)`,
    );
  }
  const indicator = createWaitIndicator(deps.stderr, {
    now: deps.now,
    dbTypes,
    stackName: stack.name,
    timeoutMs: wait.timeoutMs,
  });
  const { all: _all, ...create } = request;
  let backups: Partial<Record<string, Backup>>;
  try {
    const result = await createBackupAndWait(
      client,
      stack.uid,
      { ...create, dbTypes, signal: deps.signal },
      {
        timeoutMs: wait.timeoutMs,
        ...(wait.pollIntervalMs === undefined ? {} : { pollIntervalMs: wait.pollIntervalMs }),
        signal: deps.signal,
        onPoll: (event) => indicator.update(event.missing),
      },
    );
    backups = result.backups ?? {};
  } catch (error) {
    indicator.stop();
    if (deps.signal.aborted) {
      out.note('note: if the backup was already requested, Cloud 66 may still finish it');
    }
    throw error;
  }
  indicator.stop();
  const waitedMs = deps.now() - started;
  const found = dbTypes.map((type) => backups[type]).filter((b): b is Backup => b !== undefined);
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
