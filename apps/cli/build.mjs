// Bundles the CLI (core and libraries included) into one ESM file with a shebang, and the
// bundled packages' license notices into dist/THIRD-PARTY-LICENSES.md.
import { chmod, readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { writeThirdPartyLicenses } from '../../scripts/third-party-licenses.mjs';

const pkg = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
const outfile = 'dist/c66-backup.js';

const result = await build({
  entryPoints: ['src/bin.ts'],
  outfile,
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
