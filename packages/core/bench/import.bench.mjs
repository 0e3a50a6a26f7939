// Start-up benchmark: what `import('@c66-backup/core')` adds to a fresh Node process.
// Side by side, in the same run and alternating: `node -e 0` (bare Node) and `node -e
// "import('@c66-backup/core')"` (the built entry, resolved through package.json exports).
// Prints the medians, the import's own cost (median difference) against the goal, and the
// ratio. Run: pnpm --filter @c66-backup/core bench:import (after building the core);
// BENCH_BEFORE=/abs/path/to/other/dist/index.js adds that build to the same run.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const GOAL_MS = 15;
const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = process.env.BENCH_ENTRY ?? '@c66-backup/core';
// Optional: another build of the core (e.g. main's, compiled elsewhere) measured in the same
// run, for a before/after side by side.
const before = process.env.BENCH_BEFORE;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Each child reports the CPU time it used (user + system) when done: on a shared, busy
// machine wall time swings with other processes, CPU time much less.
const report =
  'process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write(String((u.user+u.system)/1000))})';

/** One fresh process (cwd: the package, so its name resolves): wall ms spawn to exit, CPU ms. */
function run(script) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-e', `${report};${script}`], {
    cwd: here,
    encoding: 'utf8',
  });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`node -e ${script} failed: ${result.stderr}`);
  return { wall, cpu: Number(result.stderr) };
}

const importScript = `import(${JSON.stringify(entry)})`;
const beforeScript = before && `import(${JSON.stringify(pathToFileURL(before).href)})`;
run(importScript); // warm the file cache; not counted
if (beforeScript) run(beforeScript);
const bare = [];
const imported = [];
const previous = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(run('0'));
  imported.push(run(importScript));
  if (beforeScript) previous.push(run(beforeScript));
}
const fmt = (values) => values.map((v) => v.toFixed(0)).join(', ');
console.log(`node ${process.version}; ${RUNS} fresh processes each, alternating`);
for (const key of ['wall', 'cpu']) {
  const b = median(bare.map((r) => r[key]));
  const m = median(imported.map((r) => r[key]));
  const cost = m - b;
  const verdict = cost <= GOAL_MS ? 'met' : 'not met';
  console.log(`${key === 'wall' ? 'wall time, spawn to exit' : 'CPU time (user + system)'}:`);
  console.log(`  node -e 0   ${b.toFixed(1)} ms median (runs: ${fmt(bare.map((r) => r[key]))})`);
  console.log(
    `  import core ${m.toFixed(1)} ms median (runs: ${fmt(imported.map((r) => r[key]))})`,
  );
  console.log(`  import cost ${cost.toFixed(1)} ms (goal <= ${GOAL_MS} ms: ${verdict})`);
  console.log(`  ratio import / bare node: ${(m / b).toFixed(2)}x`);
  if (previous.length > 0) {
    const p = median(previous.map((r) => r[key]));
    console.log(
      `  before (${before}) ${p.toFixed(1)} ms median; import cost ${(p - b).toFixed(1)} ms`,
    );
    console.log(
      `  ratio before / bare node: ${(p / b).toFixed(2)}x; after / before: ${(m / p).toFixed(2)}x`,
    );
  }
}
