import type { Command } from 'commander';
import type { CliDeps } from '../deps.js';

/** A top-level command: its one-line summary, and the module that builds it in full. */
interface CommandEntry {
  summary: string;
  /** What follows the name in the program's command list (commander's own term). */
  term: string;
  load(deps: CliDeps): Promise<Command>;
}

// The summaries live here, not in the command modules, so the program's own help (and
// `--version`, and an unknown command) can list every command without importing any:
// each module pulls in the core and its libraries, and only the command that runs needs its.
export const COMMANDS = {
  stacks: {
    summary: 'list stacks: name, environment, UID, status',
    term: '[options]',
    load: async (deps) => (await import('./stacks/stacks.js')).stacksCommand(deps),
  },
  backups: {
    summary: 'list, create, download and import database backups of a stack',
    term: '',
    load: async (deps) => (await import('./backups/backups.js')).backupsCommand(deps),
  },
  check: {
    summary: 'check that every db type of a stack has a recent good backup (exit 5 if not)',
    term: '[options]',
    load: async (deps) => (await import('./check/check.js')).checkCommand(deps),
  },
} satisfies Record<string, CommandEntry>;

export type CommandName = keyof typeof COMMANDS;

export const COMPLETION_SUMMARY = 'print a shell completion script (bash, zsh, fish or powershell)';

// Global options that take a value: the word after them is not the command.
const VALUE_OPTIONS = new Set(['--api-url', '--token-file', '--account']);

/**
 * The commands `argv` needs built in full: the one it names, or all of them for `help`,
 * `completion` and `complete` (which read the whole tree); none when it names no command.
 */
export function commandsToLoad(argv: readonly string[]): CommandName[] | 'all' {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') return [];
    if (VALUE_OPTIONS.has(word)) {
      i++;
      continue;
    }
    if (word.startsWith('-')) continue;
    if (word === 'help' || word === 'completion' || word === 'complete') return 'all';
    return Object.hasOwn(COMMANDS, word) ? [word as CommandName] : [];
  }
  return [];
}
