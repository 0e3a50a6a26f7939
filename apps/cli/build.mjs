// Bundles the CLI (core and libraries included) into an ESM entry with a shebang,
// dist/c66-backup.js, and the rest, dist/chunks/cli.js with the chunks it loads on demand,
// plus the bundled packages' license notices in dist/THIRD-PARTY-LICENSES.md. The entry is
// a build of its own on purpose: `--version` answers from that one small file (a shared
// build would give it esbuild's runtime and the version as chunks to load); every other
// command imports chunks/cli.js (commander, the commands, the core), and the core's zod and
// ky come later still, with the first request.
import { chmod, readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { writeThirdPartyLicenses } from '../../scripts/third-party-licenses.mjs';

const pkg = JSON.parse(await readFile(new URL('./package.json', import.meta.url), 'utf8'));
const outfile = 'dist/c66-backup.js';
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Not minified: it did not measurably speed up --help here, and --debug stack traces stay
  // readable without source maps.
  legalComments: 'none',
  define: { __CLI_VERSION__: JSON.stringify(pkg.version) },
  metafile: true,
  logLevel: 'warning',
};

// Start empty, so a chunk no longer built cannot linger beside the new ones.
await rm('dist', { recursive: true, force: true });
const cli = await build({
  ...common,
  entryPoints: [{ in: 'src/run-process.ts', out: 'chunks/cli' }],
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // cli-progress is CommonJS and calls require() on Node built-ins; an ESM bundle needs a real
  // require for that (esbuild issue #1921).
  banner: {
    js: [
      "import { createRequire as __cliCreateRequire } from 'node:module';",
      'const require = __cliCreateRequire(import.meta.url);',
    ].join('\n'),
  },
});
await build({
  ...common,
  entryPoints: ['src/bin.ts'],
  outfile,
  banner: { js: '#!/usr/bin/env node' },
  plugins: [
    {
      name: 'cli-chunk',
      setup(entryBuild) {
        // bin.ts imports the rest of the CLI as the chunk built above, not as a copy.
        entryBuild.onResolve({ filter: /^\.\/run-process\.js$/ }, () => ({
          path: './chunks/cli.js',
          external: true,
        }));
      },
    },
  ],
});
await chmod(outfile, 0o755);
// legalComments: 'none' keeps the bundle small; the notices go to their own file instead.
await writeThirdPartyLicenses({
  metafile: cli.metafile,
  cwd: process.cwd(),
  outFile: 'dist/THIRD-PARTY-LICENSES.md',
  self: pkg.name,
});
