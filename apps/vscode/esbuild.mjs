// Bundles the extension and everything it imports (the core, ky, zod) into one CommonJS
// file: vsce cannot follow pnpm's symlinked node_modules, so nothing may stay external but
// the `vscode` module the editor provides.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { writeThirdPartyLicenses } from '../../scripts/third-party-licenses.mjs';

const production = process.argv.includes('--production');

const result = await build({
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  metafile: true,
  logLevel: 'warning',
});

// A development build's source map must not linger next to a production bundle. (Only
// that file goes: removing all of dist/ would race with a concurrent packaging run.)
if (production) await rm('dist/extension.js.map', { force: true });
// The bundle carries the core, ky and zod without their LICENSE files: their notices go here.
await writeThirdPartyLicenses({
  metafile: result.metafile,
  cwd: process.cwd(),
  outFile: 'dist/THIRD-PARTY-LICENSES.md',
  self: 'c66-backup-vscode',
});

const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `dist/extension.js ${production ? '(production) ' : ''}${(bytes / 1024).toFixed(1)} KiB`,
);
