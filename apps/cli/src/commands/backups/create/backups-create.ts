import type { Stack } from '@c66-backup/core';
import { Command } from 'commander';
import { type CommandContext, createContext } from '../../../context.js';
import type { CliDeps } from '../../../deps.js';
import { addStackOptions, type StackOptions, stackFrom } from '../../../stack-option.js';
import { createAndWait } from './create-and-wait.js';
import {
  type CreateFlags,
  type CreateRequest,
  parseCreateRequest,
  parseWaitSettings,
} from './create-request.js';

/** `c66-backup backups create [--wait]`: queue a backup, and optionally wait for its id. */
export function backupsCreateCommand(deps: CliDeps): Command {
  return addStackOptions(new Command('create'))
    .description('create a backup now (needs an admin token); --wait prints the new backup id')
    .option(
      '-t, --db-type <types>',
      'comma list of mysql, postgresql, redis, mongodb, or all',
      'all',
    )
    .option('-w, --wait', 'wait until the new backup exists, then print its id')
    .option('--timeout <duration>', 'with --wait: give up after this long (90s, 30m, 1h)', '30m')
    .option(
      '--poll-interval <duration>',
      'with --wait: time between checks (default: paced by the core)',
    )
    .option(
      '--reuse-within <duration>',
      "with --wait: reuse a db type's newest good backup if it started within this (45m, 6h, 2d) and none failed since",
    )
    .option('--frequency <cron>', 'also schedule the backup task (5-field cron expression)')
    .option('--keep-count <n>', 'number of backups Cloud 66 keeps')
    .option('--gzip', 'compress the backup')
    .option('--no-gzip', 'do not compress the backup')
    .option('--excluded-tables <tables>', 'comma list of tables to leave out')
    .option('--run-on-replica-server', 'run the backup on a replica')
    .addHelpText(
      'after',
      '\nCloud 66 answers a create request with no backup id; --wait finds the new backup by\npolling (paced to stay within the rate limit) and prints its id.\n\nExamples:\n  c66-backup backups create --stack my-app --db-type postgresql --wait --timeout 30m\n  c66-backup backups create --stack my-app --db-type mysql,redis --json\n  c66-backup backups create --stack my-app --wait --reuse-within 6h   # before a deploy',
    )
    .action(async (flags: CreateFlags & StackOptions, command: Command) => {
      // Validate every flag before the first request.
      const request = parseCreateRequest(flags);
      const wait = parseWaitSettings(flags, request, command);
      const ctx = await createContext(command, deps);
      const stack = await stackFrom(ctx.client, flags);
      if (wait) await createAndWait(ctx, stack, request, wait);
      else await queueOnly(ctx, stack, request);
    });
}

async function queueOnly(ctx: CommandContext, stack: Stack, request: CreateRequest): Promise<void> {
  const { dbTypes, ...createOptions } = request;
  const result = await ctx.client.backups.create(stack.uid, {
    ...createOptions,
    dbTypes,
    signal: ctx.deps.signal,
  });
  if (ctx.out.json) {
    ctx.out.jsonLine({ stack_uid: stack.uid, db_types: dbTypes, ...result });
    return;
  }
  // The message is optional: a 2xx without `ok: false` is the acceptance itself.
  const message = result.message || 'backup requested';
  ctx.out.line(`${stack.name}: ${message} (${dbTypes === 'all' ? 'all' : dbTypes.join(', ')})`);
  ctx.out.note(
    'Cloud 66 gives no id for a queued backup: use --wait to wait for it and get its id',
  );
}
