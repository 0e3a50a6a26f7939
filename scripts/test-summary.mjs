#!/usr/bin/env node
// Sums the vitest JSON reports the test run left behind (one per package) and prints
// one closing line in the plain "N passed, N failed" form that CI reads, so the whole
// monorepo's result is judged, not just the last package's.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2] ?? process.cwd();
const label = process.argv[3] ?? 'tests';
const reports = [];
for (const base of ['packages', 'apps']) {
  walk(join(root, base), 3);
}

function walk(dir, depth) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (name === '.vitest-report.json') reports.push(path);
    else if (depth > 0 && statSync(path).isDirectory()) walk(path, depth - 1);
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const path of reports) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  console.log(
    `  ${relative(root, path)}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
  );
}
if (reports.length === 0) {
  console.error('no vitest reports found: no test ran');
  process.exit(1);
}
const tail = skipped > 0 ? `, ${skipped} skipped` : '';
console.log(`${label}: ${passed} passed, ${failed} failed${tail}`);
process.exit(failed > 0 || skipped > 0 ? 1 : 0);
