import { cliVersion } from './version.js';

// The executable. `c66-backup --version` answers here, before the commands, commander and
// the core are loaded: scripts call it to check what is installed, and it should cost
// little more than starting Node (apps/cli/bench/cli-start-up). Everything else loads the
// rest of the CLI, a chunk of its own in the bundle.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${cliVersion}\n`);
} else {
  const { runProcess } = await import('./run-process.js');
  await runProcess(argv);
}
