import tab from '@bomb.sh/tab/commander';
import { DB_TYPES } from '@c66-backup/core';
import type { Command } from 'commander';
import { COMPLETION_SUMMARY } from './commands/command-table.js';

/**
 * Adds `completion <shell>` (prints a bash, zsh, fish or PowerShell script) and the hidden
 * `complete -- <words>` the script calls on each Tab, answered from the program's own
 * commands and options (@bomb.sh/tab), so completion never drifts from the parser.
 * Call after every command is added.
 */
export function addCompletion(program: Command): void {
  const completion = tab(program, { completionCommandName: 'completion' });
  program.commands
    .find((command) => command.name() === 'completion')
    ?.description(COMPLETION_SUMMARY);
  // --db-type takes a value the parser checks itself, so tab cannot see its choices.
  for (const command of completion.commands.values()) {
    const option = command.options.get('db-type');
    if (!option) continue;
    option.handler = (complete) => {
      for (const type of DB_TYPES) complete(type, '');
      if (command.value === 'backups create') complete('all', 'every database of the stack');
    };
  }
}
