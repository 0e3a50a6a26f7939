// Bundles the extension in two CommonJS files: dist/extension.js, the entry VS Code loads at
// activation (the view and the commands, nothing from the core), and dist/main.js, the rest
// with the core, ky and zod, which extension.js requires on first use. esbuild cannot split
// CommonJS output into chunks, so these are two entry points and extension.js names
// ./main.js as external. vsce cannot follow pnpm's symlinked node_modules, so nothing else
// stays external but the `vscode` module the editor provides.
import { rm, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { writeThirdPartyLicenses } from '../../scripts/third-party-licenses.mjs';

const production = process.argv.includes('--production');
const OUTPUTS = ['dist/extension.js', 'dist/main.js'];

/** Leaves the entry's `require('./main.js')` to Node: that file is the other bundle. */
const mainStaysExternal = {
  name: 'main-stays-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/main\.js$/ }, (args) =>
      args.importer.endsWith('extension.ts') ? { path: './main.js', external: true } : undefined,
    );
  },
};

const result = await build({
  entryPoints: { extension: 'src/extension.ts', main: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  plugins: [mainStaysExternal],
  minify: production,
  sourcemap: production ? false : 'linked',
  metafile: true,
  logLevel: 'warning',
});

// A development build's source maps must not linger next to a production bundle. (Only
// those files go: removing all of dist/ would race with a concurrent packaging run.)
if (production) await Promise.all(OUTPUTS.map((out) => rm(`${out}.map`, { force: true })));
// What went into each bundle, for the bundle test (extension.js must hold no core code).
await writeFile('dist/meta.json', JSON.stringify(result.metafile));
// The bundle carries the core, ky and zod without their LICENSE files: their notices go here.
await writeThirdPartyLicenses({
  metafile: result.metafile,
  cwd: process.cwd(),
  outFile: 'dist/THIRD-PARTY-LICENSES.md',
  self: 'c66-backup-vscode',
});

const sizes = OUTPUTS.map((out) => {
  const bytes = result.metafile.outputs[out]?.bytes ?? 0;
  return `${out} ${(bytes / 1024).toFixed(1)} KiB`;
});
console.log(`${production ? '(production) ' : ''}${sizes.join(', ')}`);
