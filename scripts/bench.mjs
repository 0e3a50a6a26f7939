#!/usr/bin/env node
// `pnpm bench`: lists the repo's benches; `pnpm bench <name> [args]` builds the workspace
// and runs that bench through its package's `bench:<name>` script, passing the args on.
// Benches live in `<package>/bench/<name>/main.mjs` (see docs/benchmarks.md).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBenches } from './bench/find-benches.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// pnpm hands on a `--` as it was typed (`pnpm bench download -- --help`): not an argument.
const argv = process.argv.slice(2);
const [name, ...rest] = argv[0] === '--' ? argv.slice(1) : argv;
const args = rest[0] === '--' ? rest.slice(1) : rest;

let benches;
try {
  benches = findBenches(root);
} catch (error) {
  fail(error.message);
}

if (name === undefined || name === '--help' || name === '-h' || name === '--list') {
  console.log('Benches (run one with `pnpm bench <name> [args]`; it builds first):\n');
  printList(process.stdout);
  process.exit(0);
}

const bench = benches.find((b) => b.name === name);
if (!bench) {
  console.error(`pnpm bench: no bench named "${name}". The benches are:\n`);
  printList(process.stderr);
  process.exit(1);
}
if (!bench.script) {
  fail(`${bench.main} exists but ${bench.dir}/package.json has no "bench:${bench.name}" script`);
}

console.error(`pnpm bench ${name}: building the workspace (turbo run build)`);
run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], root);
console.error(`pnpm bench ${name}: ${bench.pkg} ${bench.script} ${args.join(' ')}`.trimEnd());
run('pnpm', ['run', '--silent', bench.script, ...args], join(root, bench.dir));

/** Runs a command in the foreground; exits with its status if it fails. */
function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit' });
  if (result.error) fail(`could not start ${command}: ${result.error.message}`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function printList(stream) {
  if (benches.length === 0) {
    stream.write('  (none found under packages/*/bench/*/main.mjs or apps/*/bench/*/main.mjs)\n');
    return;
  }
  const width = (key) => Math.max(...benches.map((b) => b[key].length));
  const [nameWidth, pkgWidth] = [width('name'), width('pkg')];
  for (const b of benches) {
    const missing = b.script ? '' : `  [no "bench:${b.name}" script in ${b.dir}/package.json]`;
    stream.write(
      `  ${b.name.padEnd(nameWidth)}  ${b.pkg.padEnd(pkgWidth)}  ${b.description}${missing}\n`,
    );
  }
}

function fail(message) {
  console.error(`pnpm bench: ${message}`);
  process.exit(1);
}
