// CLI benchmark, measured side by side in one run (medians of several runs):
//   1. cold start: `c66-backup --version` against a bare `node -e 0` (the floor);
//   2. streaming: time to the first row of `backups list` against time to the whole list,
//      for a 1,800-backup stack (60 pages) with 50 ms of API latency.
// Run: pnpm turbo run build --filter=@c66-backup/cli... && pnpm --filter @c66-backup/cli bench
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '@c66-backup/sandbox';

const cli = fileURLToPath(new URL('../dist/c66-backup.js', import.meta.url));
if (!existsSync(cli)) {
  console.error(
    `${cli} is missing: build first (pnpm turbo run build --filter=@c66-backup/cli...)`,
  );
  process.exit(1);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs node with args; resolves with ms to the first stdout line and to exit. */
function timed(args, env = {}) {
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

const bare = [];
const version = [];
for (let i = 0; i < RUNS; i++) {
  bare.push((await timed(['-e', 'console.log(0)'])).total);
  version.push((await timed([cli, '--version'])).total);
}
console.log(
  `cold start: c66-backup --version ${median(version).toFixed(0)} ms, bare node ${median(bare).toFixed(0)} ms, ratio ${(median(version) / median(bare)).toFixed(2)}`,
);

const sb = await startSandbox({ port: 0, backups: 1800, latencyMs: 50 });
try {
  const bulk = sb.stacks().find((s) => s.name === 'bulk');
  const env = { C66_API_URL: sb.apiUrl, C66_TOKEN: sb.token };
  const first = [];
  const total = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await timed([cli, 'backups', 'list', '--stack', bulk.uid, '--json'], env);
    first.push(run.firstLine);
    total.push(run.total);
  }
  console.log(
    `backups list, 1,800 backups, 60 pages, 50 ms latency: first row ${median(first).toFixed(0)} ms, whole list ${median(total).toFixed(0)} ms, first/whole ${(median(first) / median(total)).toFixed(2)}`,
  );
} finally {
  await sb.close();
}
