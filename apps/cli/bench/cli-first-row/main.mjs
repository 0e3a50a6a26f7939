// CLI streaming benchmark, measured side by side in one run (medians of several runs): time
// to the first row of `backups list` against time to the whole list, for a 1,800-backup
// stack (60 pages) with 50 ms of API latency. (Start-up: bench/cli-start-up.)
// Run: pnpm turbo run build --filter=@c66-backup/cli... && pnpm --filter @c66-backup/cli bench:cli-first-row
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '@c66-backup/sandbox';
import { median, timedRun as timed } from '../cli-start-up/timed-run.mjs';

const cli = fileURLToPath(new URL('../../dist/c66-backup.js', import.meta.url));
if (!existsSync(cli)) {
  console.error(
    `${cli} is missing: build first (pnpm turbo run build --filter=@c66-backup/cli...)`,
  );
  process.exit(1);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

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
