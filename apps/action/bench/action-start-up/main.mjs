// Benchmark: the committed action bundle's size and its cold start, i.e. the time from
// spawning `node dist/index.js` (as the runner does: no node_modules needed, inputs in
// INPUT_* variables) to the first HTTP request reaching the sandbox. Side by side, in the
// same run and alternating, with the baseline, a bare `node -e "fetch(...)"` doing the same
// first request, and with another build of the bundle when BENCH_BEFORE names its
// dist/index.js (e.g. a worktree of the branch start, built). Prints medians, the ratios and
// the goals (cold start <= 1.5x bare Node, bundle <= 450 KiB) with met / not met.
// Run: pnpm --filter @c66-backup/action bench:action-start-up, or `pnpm bench
// action-start-up` from the root. BENCH_RUNS (default 9); C66_NODE24=/path/to/node to pick Node.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startSandbox } from '@c66-backup/sandbox';
import { bundleSize, kib } from './bundle-size.mjs';
import { coldStart, median } from './cold-start.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const GOAL_RATIO = 1.5;
const GOAL_KIB = 450;
const node = process.env.C66_NODE24 || process.execPath;
const bundle = join(import.meta.dirname, '..', '..', 'dist', 'index.js');
const before = process.env.BENCH_BEFORE;
const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();

const sb = await startSandbox({ port: 0, backupDelayMs: 10 });
try {
  const actionEnv = {
    'INPUT_API-TOKEN': sb.token,
    'INPUT_API-URL': sb.apiUrl,
    INPUT_STACK: 'blog',
    'INPUT_DB-TYPE': 'postgresql',
    INPUT_WAIT: 'false',
    GITHUB_OUTPUT: '/dev/null',
    GITHUB_STEP_SUMMARY: '/dev/null',
  };
  const bareScript = `fetch(${JSON.stringify(`${sb.apiUrl}/stacks`)}, { headers: { authorization: 'Bearer ' + process.env.T } }).then((r) => r.text())`;
  const variants = [
    { name: 'bare node + fetch', args: ['-e', bareScript], env: { T: sb.token } },
    { name: 'action bundle', args: [bundle], env: actionEnv, entry: bundle },
  ];
  if (before)
    variants.push({ name: 'action, before', args: [before], env: actionEnv, entry: before });
  for (const v of variants) await coldStart(node, sb, v.args, v.env); // warm the file cache
  const runs = variants.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [at, v] of variants.entries())
      runs[at].push(await coldStart(node, sb, v.args, v.env));
  }
  const medians = runs.map(median);
  console.log(`node: ${node} (${nodeVersion}); ${RUNS} fresh processes each, alternating`);
  console.log('cold start to first request (median):');
  for (const [at, v] of variants.entries()) {
    const ratio = at === 0 ? '' : `  ratio ${(medians[at] / medians[0]).toFixed(2)}x`;
    console.log(
      `  ${v.name.padEnd(18)} ${String(medians[at]).padStart(5)} ms${ratio}  (runs: ${runs[at].join(', ')})`,
    );
  }
  const ratio = medians[1] / medians[0];
  console.log(
    `  goal: <= ${GOAL_RATIO}x bare node: ${ratio <= GOAL_RATIO ? 'met' : 'not met'} (${ratio.toFixed(2)}x)`,
  );
  console.log('bundle size (every .js file of dist/):');
  for (const v of variants.slice(1)) {
    const size = await bundleSize(v.entry);
    console.log(
      `  ${v.name.padEnd(18)} ${kib(size.bytes)} (gzip ${kib(size.gzipBytes)}; ${size.files.length} files)`,
    );
  }
  const size = await bundleSize(bundle);
  const met = size.bytes <= GOAL_KIB * 1024 ? 'met' : 'not met';
  console.log(`  goal: <= ${GOAL_KIB} KiB: ${met} (${kib(size.bytes)})`);
} finally {
  await sb.close();
}
