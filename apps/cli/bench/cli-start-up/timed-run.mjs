// One fresh Node process per measurement, and the median of several.
import { spawn } from 'node:child_process';

/** Runs node with args; resolves with ms to the first stdout line and to exit. */
export function timedRun(args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstLine;
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk) => {
      if (firstLine === undefined && chunk.includes(10)) firstLine = performance.now() - started;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`node ${args.join(' ')} exited ${code}`));
      else resolve({ firstLine, total: performance.now() - started });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
