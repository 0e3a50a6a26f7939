// Each download runs in its own process, so every contender gets the same CPU budget
// and a peak RSS is the downloader's alone (the sandbox serves from the bench process).
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syncDisks } from './tools.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function configOf(s, dir, extra) {
  const { apiUrl, token } = s.sb;
  return { apiUrl, token, stackUid: s.stackUid, backupId: s.backupId, dir, ...extra };
}

/** Runs `script` (a file of this folder) with `args` and the backup's config; parses its JSON. */
export async function runChild(s, dir, script, args = [], extra = {}) {
  syncDisks();
  const output = await new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [join(here, script), ...args],
      // In the environment, not argv: the token would show in every `ps` on the machine.
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, C66_BENCH_CONFIG: JSON.stringify(configOf(s, dir, extra)) },
      },
    );
    let text = '';
    p.stdout.on('data', (chunk) => {
      text += chunk;
    });
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`${script} exited with ${code}`)),
    );
  });
  return JSON.parse(output);
}

/** One engine download, checked for its size and removed afterwards. */
export async function runEngine(s, dir, connections) {
  const run = await runChild(s, dir, 'engine-child.mjs', [], { connections });
  if (run.bytes !== s.size)
    throw new Error(`downloadBackup wrote ${run.bytes} bytes, expected ${s.size}`);
  await rm(run.path);
  return run;
}

/** The bare transport, reading into nowhere: `http` (node:http) or `fetch`. */
export const runFloor = (s, dir, mode) => runChild(s, dir, 'floor-child.mjs', [mode]);
