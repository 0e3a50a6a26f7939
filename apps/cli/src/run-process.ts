import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { ExitCode } from './exit-codes.js';
import { main } from './main.js';

/**
 * The process side of the CLI: signals, streams and the exit code. Everything else is in
 * `main`, which takes these as dependencies.
 */
export async function runProcess(argv: readonly string[]): Promise<void> {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    // A second Ctrl-C means "now": do not wait for cleanup to finish.
    if (signals > 1) process.exit(ExitCode.interrupted);
    controller.abort(new Error(`received ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  // `c66-backup backups list | head` closes stdout early: stop quietly, like other Unix tools.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.ok);
    throw error;
  });

  const code = await main(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    signal: controller.signal,
    now: Date.now,
    readFile: (path) => readFile(path, 'utf8'),
    // Waiting for a token typed at a terminal would look like a hang: only a pipe or file works.
    readStdin: () =>
      process.stdin.isTTY
        ? Promise.reject(Object.assign(new Error('stdin is a terminal'), { code: 'a terminal' }))
        : text(process.stdin),
    cwd: process.cwd(),
  });
  // Exit once stdout is flushed, without waiting for idle keep-alive sockets.
  process.stdout.write('', () => process.exit(code));
}
