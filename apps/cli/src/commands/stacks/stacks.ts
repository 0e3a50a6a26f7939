import type { Stack } from '@c66-backup/core';
import { Command } from 'commander';
import { createContext } from '../../context.js';
import type { CliDeps } from '../../deps.js';
import { orDash } from '../../output/or-dash.js';
import { TableWriter } from '../../output/table-writer.js';
import { COMMANDS } from '../command-table.js';

interface StacksOptions {
  name?: string;
  environment?: string;
}

/** `c66-backup stacks`: every stack the token can see, streamed page by page. */
export function stacksCommand(deps: CliDeps): Command {
  return new Command('stacks')
    .description(COMMANDS.stacks.summary)
    .option('--name <name>', 'only stacks with this name')
    .option('-e, --environment <env>', 'only stacks in this environment')
    .addHelpText(
      'after',
      '\nExamples:\n  c66-backup stacks\n  c66-backup stacks --environment production --json',
    )
    .action(async (options: StacksOptions, command: Command) => {
      const { client, out } = await createContext(command, deps);
      const stacks = client.stacks.list({ name: options.name, environment: options.environment });
      const table = new TableWriter<Stack>(
        [
          { header: 'NAME', width: 24, value: (s) => s.name },
          { header: 'ENVIRONMENT', width: 12, value: (s) => s.environment },
          { header: 'UID', width: 32, value: (s) => s.uid },
          { header: 'STATUS', width: 0, value: (s) => orDash(s.status?.label) },
        ],
        (line) => out.line(line),
      );
      for await (const stack of stacks) {
        if (out.json) out.jsonLine(stack);
        else table.row(stack);
      }
      if (!out.json && !table.rowsWritten) out.note('no stacks found');
    });
}
