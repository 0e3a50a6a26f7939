// Time from spawning a process to the first HTTP request reaching the sandbox.
import { spawn } from 'node:child_process';

/** Spawns `node args` and resolves with ms from spawn to the sandbox's first recorded request. */
export async function coldStart(node, sb, args, env) {
  sb.clearRequests();
  const spawnedAt = Date.now();
  const child = spawn(node, args, { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' });
  const code = await new Promise((resolve) => child.on('close', resolve));
  const first = sb.requests[0];
  if (!first) throw new Error(`no request reached the sandbox (exit code ${code})`);
  return first.at - spawnedAt;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
