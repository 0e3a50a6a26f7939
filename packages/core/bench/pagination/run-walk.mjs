// Spawns walk-child.mjs for one contender and parses what it prints.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const child = join(dirname(fileURLToPath(import.meta.url)), 'walk-child.mjs');

/** `contender`: `{ mode: 'sequential' }` or `{ mode: 'iterator', concurrency? }` (default if absent). */
export function runWalk(sandbox, stackUid, contender) {
  const config = { apiUrl: sandbox.apiUrl, token: sandbox.token, stackUid, ...contender };
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child], {
      stdio: ['ignore', 'pipe', 'inherit'],
      // In the environment, not argv: the token would show in every `ps` on the machine.
      env: { ...process.env, C66_BENCH_CONFIG: JSON.stringify(config) },
    });
    let text = '';
    p.stdout.on('data', (chunk) => {
      text += chunk;
    });
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(text)) : reject(new Error(`walk-child exited with ${code}`)),
    );
  });
}
