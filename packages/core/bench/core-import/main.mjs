// Start-up benchmark: what `import('@c66-backup/core')` adds to a fresh Node process.
// Side by side, in the same run and alternating: `node -e 0` (bare Node, the baseline) and
// `node -e "import('@c66-backup/core')"` (the built entry, resolved through package.json
// exports), plus another build of the core when BENCH_BEFORE names its dist/index.js (e.g.
// a worktree of the branch start, built). Prints medians of wall and CPU time, the import's
// own cost (median minus bare Node) against the goal, and the ratios.
// Run: pnpm --filter @c66-backup/core bench:core-import (after building the core), or
// `pnpm bench core-import` from the root. BENCH_RUNS sets the number of runs (default 15).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, runNode } from './run-node.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const GOAL_MS = 15;
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const before = process.env.BENCH_BEFORE;

const variants = [
  { name: 'bare node (node -e 0)', script: '0' },
  { name: 'import core', script: "import('@c66-backup/core')" },
];
if (before) {
  variants.push({
    name: 'import core, before',
    script: `import(${JSON.stringify(pathToFileURL(before).href)})`,
    path: before,
  });
}

for (const v of variants) runNode(v.script, packageDir); // warm the file cache; not counted
const results = variants.map(() => []);
for (let i = 0; i < RUNS; i++) {
  variants.forEach((v, at) => {
    results[at].push(runNode(v.script, packageDir));
  });
}

console.log(`node ${process.version}; ${RUNS} fresh processes each, alternating`);
if (before) console.log(`before: ${before}`);
for (const key of ['wall', 'cpu']) {
  const medians = results.map((runs) => median(runs.map((r) => r[key])));
  const bare = medians[0];
  console.log(key === 'wall' ? 'wall time, spawn to exit:' : 'CPU time (user + system):');
  variants.forEach((v, at) => {
    const m = medians[at];
    const runs = results[at].map((r) => r[key].toFixed(0)).join(', ');
    const extra =
      at === 0 ? '' : `  cost ${(m - bare).toFixed(1)} ms, ratio ${(m / bare).toFixed(2)}x`;
    console.log(`  ${v.name.padEnd(24)} ${m.toFixed(1).padStart(6)} ms${extra}  (runs: ${runs})`);
  });
  const cost = medians[1] - bare;
  console.log(
    `  goal: import cost <= ${GOAL_MS} ms: ${cost <= GOAL_MS ? 'met' : 'not met'} (${cost.toFixed(1)} ms)`,
  );
  if (before) {
    console.log(
      `  after / before: ${((medians[1] - bare) / (medians[2] - bare)).toFixed(2)}x of the cost`,
    );
  }
}
