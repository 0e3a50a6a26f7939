// Benchmark `vscode-start-up`: the extension's require + activate (dist/extension.js on a
// stub VS Code, median of fresh processes) against a bare require of an empty module in the
// same harness, and the packaged .vsix size; each against its goal. Packages first (the
// production build vsce ships). `--before <dir>`: also measures another build of the
// extension (a folder holding dist/extension.js and c66-backup-vscode.vsix, e.g. a
// worktree of main after `pnpm --filter c66-backup-vscode package`), in turn with the rest.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { alternate } from './alternate.mjs';

const GOAL_START_MS = 15;
const GOAL_VSIX_KIB = 120;
const VSIX = 'c66-backup-vscode.vsix';
const { values } = parseArgs({
  options: { before: { type: 'string' }, runs: { type: 'string', default: '21' } },
});
const runs = Number(values.runs);
const root = resolve(import.meta.dirname, '../..');

execFileSync(process.execPath, [join(root, 'scripts/package-vsix.mjs'), VSIX], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const empty = join(tmpdir(), 'c66-bench-empty.cjs');
writeFileSync(empty, 'module.exports = {};\n');
const builds = { after: root };
if (values.before) builds.before = resolve(values.before);
const targets = { empty };
for (const [name, dir] of Object.entries(builds)) {
  const bundle = join(dir, 'dist/extension.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: package that build first`);
  targets[name] = bundle;
}

const m = alternate(targets, runs);
const kib = (file) => (existsSync(file) ? statSync(file).size / 1024 : Number.NaN);
const ms = (x) => `${x.toFixed(2)} ms`.padStart(16);
const x = (ratio) => `${ratio.toFixed(2)}x`.padStart(9);
const goal = (ok) => (ok ? 'met' : 'not met');
const row = (label, start, ratio, tree) =>
  console.log(`  ${label.padEnd(30)}${start}${ratio.padStart(13)}${tree.padStart(16)}`);

console.log(`vscode-start-up: median of ${runs} fresh processes each, taken in turns`);
console.log(`(node ${process.version}, load average ${loadavg()[0].toFixed(2)})`);
row('', 'require+activate', 'vs baseline', 'then 1st tree');
row('baseline: require(empty.cjs)', ms(m.empty.startMs), x(1), '');
for (const name of Object.keys(builds)) {
  const r = m[name];
  row(
    `${name} (${r.commands} commands)`,
    ms(r.startMs),
    x(r.startMs / m.empty.startMs),
    ms(r.firstTreeMs),
  );
}
if (builds.before) {
  const total = (r) => `${(r.startMs + r.firstTreeMs).toFixed(2)} ms`;
  row('after / before', x(m.after.startMs / m.before.startMs).padStart(16), '', '');
  console.log(`  activate + 1st tree: after ${total(m.after)}, before ${total(m.before)}`);
}
console.log(
  '  (1st tree: the view’s first children after activate; this build loads main.js and the core then)',
);
for (const [name, dir] of Object.entries(builds)) {
  console.log(`  ${name} ${VSIX}: ${kib(join(dir, VSIX)).toFixed(1)} KiB`);
}
const vsix = kib(join(root, VSIX));
const startMs = m.after.startMs;
console.log(
  `goal require + activate <= ${GOAL_START_MS} ms: ${goal(startMs <= GOAL_START_MS)} (${startMs.toFixed(2)} ms)`,
);
console.log(
  `goal .vsix <= ${GOAL_VSIX_KIB} KiB: ${goal(vsix <= GOAL_VSIX_KIB)} (${vsix.toFixed(1)} KiB)`,
);
