import { Command, CommanderError, Help } from 'commander';
import {
  COMMANDS,
  COMPLETION_SUMMARY,
  type CommandName,
  commandsToLoad,
} from './commands/command-table.js';
import type { CliDeps } from './deps.js';
import { ExitCode, exitCodesHelp } from './exit-codes.js';
import { cliVersion } from './version.js';

/**
 * Builds the `c66-backup` program: global options, commands, help text. Only the commands
 * `argv` runs are built in full (their modules bring the core and its libraries); the others
 * are listed by name and summary, which is all the program's help shows of them.
 */
export async function buildProgram(deps: CliDeps, argv: readonly string[]): Promise<Command> {
  const program = new Command('c66-backup')
    .description(
      'List, create, wait for, download and import Cloud 66 database backups; check they are fresh.',
    )
    .version(cliVersion, '-V, --version', 'print the version')
    .option('--json', 'machine-readable output: one JSON document, or JSON lines for lists')
    .option(
      '--api-url <url>',
      'API base URL (default: C66_API_URL, else https://app.cloud66.com/api/3)',
    )
    .option(
      '--allow-insecure-http',
      'allow a plain http API URL to another machine (the token travels unencrypted; default: C66_ALLOW_INSECURE_HTTP=1)',
    )
    .option(
      '--token-file <path>',
      'read the API token from this file, `-` for standard input (default: C66_TOKEN)',
    )
    .option('--account <id>', 'act in this Cloud 66 account (default: C66_ACCOUNT, else your own)')
    .option('--debug', 'log each request (never the token or download URLs) and stack traces')
    .addHelpText(
      'after',
      `\nThe token comes from C66_TOKEN or --token-file (never a flag: it would land in shell history).\nA plain http API URL is refused unless it points at this machine (localhost, 127.0.0.0/8, ::1)\nor --allow-insecure-http is given: the token would cross the network unencrypted.\n\n${exitCodesHelp}`,
    );
  const load = commandsToLoad(argv);
  const terms = new Map<Command, string>();
  for (const [name, entry] of Object.entries(COMMANDS) as [
    CommandName,
    (typeof COMMANDS)[CommandName],
  ][]) {
    if (load === 'all' || load.includes(name)) {
      program.addCommand(await entry.load(deps));
    } else {
      const listed = new Command(name).description(entry.summary);
      terms.set(listed, `${name}${entry.term ? ` ${entry.term}` : ''}`);
      program.addCommand(listed);
    }
  }
  if (load === 'all') {
    // Completion reads the whole tree: added last, once every command is built.
    (await import('./completion.js')).addCompletion(program);
  } else {
    program.addCommand(
      new Command('completion').argument('<shell>').description(COMPLETION_SUMMARY),
    );
  }
  applyToAll(program, (command) =>
    command
      .helpOption('-h, --help', 'show help')
      .showHelpAfterError('(run with --help for usage)')
      .configureHelp({ showGlobalOptions: true })
      .exitOverride()
      .configureOutput({
        writeOut: (text) => deps.stdout.write(text),
        writeErr: (text) => deps.stderr.write(text),
      }),
  );
  // A command listed but not built has no options or arguments to show: give its term.
  program.configureHelp({
    ...program.configureHelp(),
    subcommandTerm: (command) => terms.get(command) ?? new Help().subcommandTerm(command),
  });
  return program;
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code.
 * Never throws and never exits the process: the caller owns the process.
 */
export async function main(argv: readonly string[], deps: CliDeps): Promise<ExitCode> {
  try {
    const program = await buildProgram(deps, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return deps.signal.aborted ? ExitCode.interrupted : ExitCode.ok;
  } catch (error) {
    if (isCleanCommanderExit(error)) return ExitCode.ok;
    // The error path brings the core's error classes: loaded only when something failed.
    const { reportError } = await import('./report-error.js');
    return reportError(error, {
      stderr: deps.stderr,
      debug: argv.includes('--debug'),
      interrupted: deps.signal.aborted,
    });
  }
}

/** `--help`, `--version` and `help <command>` end with a CommanderError whose exitCode is 0. */
function isCleanCommanderExit(error: unknown): boolean {
  return error instanceof CommanderError && error.exitCode === 0;
}

function applyToAll(command: Command, apply: (command: Command) => void): void {
  apply(command);
  for (const sub of command.commands) applyToAll(sub, apply);
}
