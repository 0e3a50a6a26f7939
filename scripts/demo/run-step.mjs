// Runs one program of the scenario in a child process, its output shown as it comes.
import { spawn } from 'node:child_process';
import { say } from './colours.mjs';
import { DemoError } from './demo-error.mjs';

/**
 * Runs `node <script> ...args` with only PATH and `env` in its environment, echoing its
 * output line by line (through `render`, which may drop or rewrite a line) as it comes;
 * resolves with its stdout, rejects with a DemoError naming `step` on a non-zero exit.
 */
export function runStep(
  step,
  script,
  args,
  env,
  { render = (line) => line, echoStdout = true } = {},
) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const out = lineEcho(render);
    const err = lineEcho(render);
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
      if (echoStdout) out.write(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => err.write(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      out.end();
      err.end();
      if (code === 0) resolve({ stdout });
      else reject(new DemoError(`${step} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Splits a stream's chunks into whole lines, each shown indented once complete. */
function lineEcho(render) {
  let pending = '';
  const emit = (line) => {
    const shown = render(line);
    if (shown !== undefined) say(`    ${shown}`);
  };
  return {
    write(chunk) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) emit(line);
    },
    end() {
      if (pending) emit(pending);
    },
  };
}
