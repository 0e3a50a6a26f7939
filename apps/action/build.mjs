// Bundles the action into the single committed file the runner executes (action.yml ->
// apps/action/dist/index.js). Deterministic on purpose: `check:dist` rebuilds and compares.
import { build } from 'esbuild';

/** Options shared by the build and the freshness check, so both produce the same bytes. */
export const bundleOptions = {
  entryPoints: ['src/index.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  // The runner uses node24; Node 20 stays supported for local runs and CI.
  target: 'node20',
  minify: true,
  // @actions/core 3 is ESM but pulls in CommonJS dependencies that call require('os') etc.;
  // an ESM bundle has no `require`, so esbuild's shim would throw "Dynamic require of ... is
  // not supported" (esbuild #1921). Give the bundle a real one.
  banner: {
    js: "import { createRequire as __c66CreateRequire } from 'node:module';\nconst require = __c66CreateRequire(import.meta.url);",
  },
  legalComments: 'external',
  sourcemap: false,
  charset: 'utf8',
  logLevel: 'warning',
};

export async function bundle(outfile) {
  return build({ ...bundleOptions, outfile, absWorkingDir: import.meta.dirname });
}

if (process.argv[1] === import.meta.filename) {
  await bundle('dist/index.js');
}
