import type { Backup } from '@c66-backup/core';
import { Command } from 'commander';
import { createContext } from '../../../context.js';
import { dbTypeOption } from '../../../db-type-option.js';
import type { CliDeps } from '../../../deps.js';
import { backupColumns } from '../../../output/backup-columns.js';
import { TableWriter } from '../../../output/table-writer.js';
import { parsePositiveInt } from '../../../positive-int.js';
import { addStackOptions, type StackOptions, stackFrom } from '../../../stack-option.js';

interface ListOptions extends StackOptions {
  dbType?: string;
  group?: string;
  limit?: string;
}

/** `c66-backup backups list`: newest first, each page printed as soon as it arrives. */
export function backupsListCommand(deps: CliDeps): Command {
  return addStackOptions(new Command('list'))
    .description("list a stack's backups, newest first")
    .option('-t, --db-type <type>', 'only this database type (mysql, postgresql, redis, mongodb)')
    .option('--group <id>', 'only this backup group')
    .option('-n, --limit <n>', 'stop after n backups')
    .addHelpText(
      'after',
      '\nExamples:\n  c66-backup backups list --stack my-app --environment production\n  c66-backup backups list --stack 5999b763474b0eafa5fafb64bff0ba80 --db-type postgresql --limit 5 --json',
    )
    .action(async (options: ListOptions, command: Command) => {
      // Validate every flag before the first request.
      const dbType = options.dbType === undefined ? undefined : dbTypeOption(options.dbType);
      const group =
        options.group === undefined ? undefined : parsePositiveInt(options.group, '--group');
      const limit =
        options.limit === undefined
          ? Number.POSITIVE_INFINITY
          : parsePositiveInt(options.limit, '--limit');
      const { client, out } = await createContext(command, deps);
      const stack = await stackFrom(client, options);
      const table = new TableWriter<Backup>(backupColumns, (line) => out.line(line));
      let printed = 0;
      // With --limit, fetch strictly page by page: prefetching would spend requests (and rate
      // limit) on pages never shown.
      const concurrency = Number.isFinite(limit) ? 1 : undefined;
      for await (const backup of client.backups.list(stack.uid, { dbType, group, concurrency })) {
        if (out.json) out.jsonLine(backup);
        else table.row(backup);
        printed += 1;
        if (printed >= limit) break;
      }
      if (!out.json && printed === 0) out.note(`no backups found for stack ${stack.name}`);
    });
}
