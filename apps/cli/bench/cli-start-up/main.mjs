// CLI start-up benchmark: `c66-backup --version` (the built bundle, run as `node
// dist/c66-backup.js --version`, spawn to exit) side by side with its baseline, bare Node
// running an empty ES module script, and with another build of the CLI when BENCH_BEFORE
// names its dist/c66-backup.js (e.g. a worktree of the branch start, built); `--help` is
// measured too (it loads the commands). Fresh processes, alternating, medians; prints the
// ratios and the goal (--version <= 1.5x bare Node) with met / not met.
// Run: pnpm --filter @c66-backup/cli bench:cli-start-up (after building the CLI), or
// `pnpm bench cli-start-up` from the root. BENCH_RUNS sets the number of runs (default 15).
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, timedRun } from './timed-run.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const GOAL_RATIO = 1.5;
const cli = fileURLToPath(new URL('../../dist/c66-backup.js', import.meta.url));
const before = process.env.BENCH_BEFORE;
if (!existsSync(cli)) {
  console.error(
    `${cli} is missing: build first (pnpm turbo run build --filter=@c66-backup/cli...)`,
  );
  process.exit(1);
}

const dir = await mkdtemp(join(tmpdir(), 'c66-cli-bench-'));
try {
  const empty = join(dir, 'empty.mjs');
  await writeFile(empty, '');
  const variants = [
    { name: 'bare node (empty .mjs)', args: [empty] },
    { name: 'c66-backup --version', args: [cli, '--version'] },
    { name: 'c66-backup --help', args: [cli, '--help'] },
  ];
  if (before) {
    variants.push(
      { name: '--version, before', args: [before, '--version'] },
      { name: '--help, before', args: [before, '--help'] },
    );
  }
  for (const v of variants) await timedRun(v.args); // warm the file cache; not counted
  const runs = variants.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [at, v] of variants.entries()) runs[at].push((await timedRun(v.args)).total);
  }
  const medians = runs.map(median);
  console.log(`node ${process.version}; ${RUNS} fresh processes each, alternating; spawn to exit`);
  if (before) console.log(`before: ${before}`);
  for (const [at, v] of variants.entries()) {
    const ratio = at === 0 ? '' : `  ratio ${(medians[at] / medians[0]).toFixed(2)}x`;
    const list = runs[at].map((ms) => ms.toFixed(0)).join(', ');
    console.log(
      `  ${v.name.padEnd(24)} ${medians[at].toFixed(1).padStart(6)} ms${ratio}  (runs: ${list})`,
    );
  }
  const ratio = medians[1] / medians[0];
  console.log(
    `  goal: --version <= ${GOAL_RATIO}x bare node: ${ratio <= GOAL_RATIO ? 'met' : 'not met'} (${ratio.toFixed(2)}x)`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
