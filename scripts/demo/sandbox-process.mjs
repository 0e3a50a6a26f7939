// The API sandbox as a child process: started on a free port, stopped for good at the end.
import { spawn } from 'node:child_process';
import { bins } from './built.mjs';
import { indent } from './colours.mjs';
import { DemoError } from './demo-error.mjs';

/** Starts the sandbox on a free port; `ready` resolves with its READY line's JSON. */
export function startSandbox() {
  const child = spawn(
    process.execPath,
    [bins.sandbox, '--port', '0', '--backup-delay', '3s', '--split-threshold', '1MB'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new DemoError('the sandbox did not start within 15 s')),
      15_000,
    );
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('C66_SANDBOX_READY '));
      if (!line) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line.slice('C66_SANDBOX_READY '.length)));
      } catch {
        reject(new DemoError(`the sandbox printed an unreadable READY line: ${line}`));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(
        new DemoError(`the sandbox exited (code ${code}) before it was ready:\n${indent(output)}`),
      );
    });
  });
  return { child, ready };
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the sandbox has exited. */
export function stopSandbox(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
