// Bundles the CLI (core and libraries included) into an ESM entry with a shebang,
// dist/c66-backup.js, and the chunks it loads on demand (dist/chunks/), plus the bundled
// packages' license notices in dist/THIRD-PARTY-LICENSES.md. The entry is small on purpose:
// `--version` answers from it alone; every other command imports the rest (commander, the
// commands, the core), and the core's zod and ky come later still, with the first request.
import { chmod, readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { writeThirdPartyLicenses } from '../../scripts/third-party-licenses.mjs';

const pkg = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
const outfile = 'dist/c66-backup.js';

// Start empty, so a chunk no longer built cannot linger beside the new ones.
await rm('dist', { recursive: true, force: true });
const result = await build({
  entryPoints: [{ in: 'src/bin.ts', out: 'c66-backup' }],
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  define: { __CLI_VERSION__: JSON.stringify(pkg.version) },
  // cli-progress is CommonJS and calls require() on Node built-ins; an ESM bundle needs a real
  // require for that (esbuild issue #1921).
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __cliCreateRequire } from 'node:module';",
      'const require = __cliCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  metafile: true,
  logLevel: 'warning',
});
await chmod(outfile, 0o755);
// legalComments: 'none' keeps the bundle small; the notices go to their own file instead.
await writeThirdPartyLicenses({
  metafile: result.metafile,
  cwd: process.cwd(),
  outFile: 'dist/THIRD-PARTY-LICENSES.md',
  self: pkg.name,
});
