// Builds the core's dist: declarations from tsc, JavaScript from esbuild. One bundled file
// per entry (index, schemas, testing) instead of ~90 modules: a fresh process importing the
// core resolved, read and linked each of them, and that was most of the import time (see
// bench/core-import). Splitting keeps one copy of shared code (the error classes, the
// secret registry) across the entries, and keeps the lazy parts (schemas, the HTTP error
// map) in chunks of their own that load on first use. Dependencies stay external: a
// library leaves them to the app's installer and bundler.
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';

const packageDir = import.meta.dirname;
const dist = join(packageDir, 'dist');

// Start empty, so a module or chunk no longer built cannot linger beside the new ones.
await rm(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], {
  cwd: packageDir,
  stdio: 'inherit',
});
await build({
  absWorkingDir: packageDir,
  entryPoints: ['src/index.ts', 'src/schemas/index.ts', 'src/testing.ts'],
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
