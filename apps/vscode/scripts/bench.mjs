// Benchmark: bundle size, .vsix size, and the cold time to load the bundle and run
// activate() on a stub host (median of RUNS fresh processes), interleaved in the same run
// with two baselines: an empty module, and the core alone bundled the same way. The ratio
// to the core is what the extension's own code adds; it holds on a busy machine too.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const root = resolve(import.meta.dirname, '..');
const bundle = join(root, 'dist/extension.js');
const vsix = join(root, 'c66-backup-vscode.vsix');
if (!existsSync(bundle))
  throw new Error('dist/extension.js is missing: run `pnpm run package` first');

const empty = join(tmpdir(), 'c66-bench-empty.cjs');
writeFileSync(empty, 'module.exports = {};\n');
const coreOnly = join(tmpdir(), 'c66-bench-core.cjs');
await build({
  stdin: { contents: "export * from '@c66-backup/core';", resolveDir: root, loader: 'js' },
  outfile: coreOnly,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  logLevel: 'error',
});
const measureOnce = join(root, 'scripts/bench/measure-once.cjs');
const measure = (target) =>
  JSON.parse(execFileSync(process.execPath, [measureOnce, target], { encoding: 'utf8' }));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const ext = [];
const base = [];
const core = [];
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so machine noise hits every series alike.
  ext.push(measure(bundle));
  core.push(measure(coreOnly));
  base.push(measure(empty));
}
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (x) => `${x.toFixed(2)} ms`;
const extLoad = median(ext.map((r) => r.requireMs));
const extActivate = median(ext.map((r) => r.activateMs));
const extTotal = median(ext.map((r) => r.requireMs + r.activateMs));
const baseTotal = median(base.map((r) => r.requireMs + r.activateMs));
const coreTotal = median(core.map((r) => r.requireMs));

console.log(`bundle   dist/extension.js         ${kib(statSync(bundle).size)}`);
console.log(
  `package  c66-backup-vscode.vsix    ${existsSync(vsix) ? kib(statSync(vsix).size) : 'missing (run `pnpm run package`)'}`,
);
console.log(`cold start, median of ${RUNS} fresh processes (node ${process.version}):`);
console.log(`  require(bundle)                    ${ms(extLoad)}`);
console.log(
  `  activate() on a stub host          ${ms(extActivate)}  (${ext[0].commands} commands registered)`,
);
console.log(`  require + activate                 ${ms(extTotal)}`);
console.log(
  `  require(core alone, same bundling) ${ms(coreTotal)}  (${kib(statSync(coreOnly).size)})`,
);
console.log(`  require(empty module)              ${ms(baseTotal)}`);
console.log(`  ratio extension / core alone       ${(extTotal / coreTotal).toFixed(2)}x`);
