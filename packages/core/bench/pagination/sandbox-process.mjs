// The sandbox in a process of its own, so each walk's memory and CPU are the client's alone.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const sandboxPkg = createRequire(import.meta.url).resolve('@c66-backup/sandbox/package.json');
const bin = join(dirname(sandboxPkg), 'dist', 'bin.js');

/** Starts a sandbox holding `backups` backups behind `latencyMs` per request; its READY info. */
export function startSandboxProcess({ backups, latencyMs }) {
  const args = ['--port', '0', '--backups', String(backups), '--latency', String(latencyMs)];
  const child = spawn(process.execPath, [bin, ...args, '--rate-limit', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`sandbox exited early (code ${code})`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('C66_SANDBOX_READY '));
      if (line) resolve({ child, ...JSON.parse(line.slice('C66_SANDBOX_READY '.length)) });
    });
  });
}
