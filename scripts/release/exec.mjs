// Runs a command for the release check through scripts/isolated-env.sh (no npm_* / pnpm_*
// variables inherited from pnpm, which a nested npm would take as its configuration),
// output captured, and a failure thrown with that output.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const isolatedEnv = fileURLToPath(new URL('../isolated-env.sh', import.meta.url));

export class CommandError extends Error {
  code = 'COMMAND_FAILED';
  constructor(message, options) {
    super(message, options);
    this.name = 'CommandError';
  }
}

/**
 * Runs `command args` in `cwd`; resolves to its output, rejects with CommandError on a
 * non-zero exit. Asynchronous, so the sandbox in this process keeps answering meanwhile.
 */
export function exec(command, args, { cwd, env = {}, input } = {}) {
  return new Promise((resolve, reject) => {
    const vars = Object.entries({ NO_COLOR: '1', ...env }).map(([k, v]) => `${k}=${v}`);
    const child = spawn('bash', [isolatedEnv, ...vars, command, ...args], {
      cwd,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    if (input !== undefined) child.stdin.end(input);
    child.on('error', (error) =>
      reject(new CommandError(`${command} did not start`, { cause: error })),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve({ stdout, stderr });
      const output = `${stdout}${stderr}`.trim().split('\n').slice(-40).join('\n');
      reject(new CommandError(`\`${command} ${args.join(' ')}\` exited ${code}\n${output}`));
    });
  });
}

/** npm on PATH, with npm's own chatter off (no audit, fund or update notices). */
export function npm(args, options) {
  return exec('npm', [...args, '--no-audit', '--no-fund', '--no-update-notifier'], options);
}
