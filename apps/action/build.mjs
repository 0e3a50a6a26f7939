// Bundles the actions into the committed files the runner executes: action.yml ->
// apps/action/dist/index.js (back up) and check/action.yml -> apps/action/dist/check.js
// (freshness check), sharing their code through chunks, plus the license texts of what they
// bundle. Deterministic on purpose: `check:dist` rebuilds and compares byte for byte.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Options shared by the build and the freshness check, so both produce the same bytes. */
export const bundleOptions = {
  entryPoints: ['src/index.ts', 'src/check.ts'],
  bundle: true,
  // Two entries, one copy of the core and @actions/core: what both use lives in a chunk.
  splitting: true,
  chunkNames: 'chunk-[hash]',
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
  metafile: true,
  plugins: [unusedToolkitClients()],
};

/**
 * @actions/core imports @actions/http-client (for getIDToken's OIDC request, which in turn
 * bundles undici: ~400 KiB) and @actions/exec (for `platform`) at its top level. The action
 * calls neither; marking the two side-effect free lets esbuild drop them when nothing uses
 * what they export, so they leave the bundle rather than being parsed on every run.
 */
function unusedToolkitClients() {
  return {
    name: 'unused-toolkit-clients',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^@actions\/(http-client|exec)(\/|$)/ }, async (args) => {
        if (args.pluginData?.unusedToolkitClients) return undefined;
        const resolved = await pluginBuild.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { unusedToolkitClients: true },
        });
        return { ...resolved, sideEffects: false };
      });
    },
  };
}

/** Builds into `outdir`: index.js, check.js, their chunks, legal notes and `licenses.txt`. */
export async function bundle(outdir) {
  const packageDir = import.meta.dirname;
  const result = await build({ ...bundleOptions, outdir, absWorkingDir: packageDir });
  // What the output holds: a module esbuild read but tree-shook away entirely (undici behind
  // @actions/http-client) is not shipped, so it needs no notice.
  const shipped = new Set();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput > 0) shipped.add(input);
    }
  }
  const inputs = [...shipped].map((input) => join(packageDir, input));
  await writeFile(join(outdir, 'licenses.txt'), await licenseNotes(inputs));
  return result;
}

/** The name, version, license and license text of every npm package in the bundle. */
async function licenseNotes(inputs) {
  const packageDirs = new Set();
  for (const input of inputs) {
    const at = input.lastIndexOf('/node_modules/');
    if (at === -1) continue; // workspace code: this repository's own MIT license
    const rest = input.slice(at + '/node_modules/'.length).split('/');
    packageDirs.add(
      input.slice(0, at + '/node_modules/'.length) +
        rest.slice(0, rest[0].startsWith('@') ? 2 : 1).join('/'),
    );
  }
  const notes = [];
  for (const dir of packageDirs) {
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    const file = (await readdir(dir))
      .sort()
      .find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
    const text =
      file && existsSync(join(dir, file))
        ? (await readFile(join(dir, file), 'utf8')).trim()
        : '(no license file shipped)';
    notes.push(`${pkg.name}@${pkg.version} (${pkg.license ?? 'see text'})\n\n${text}\n`);
  }
  notes.sort();
  return `Third-party packages bundled in index.js\n\n${notes.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

if (process.argv[1] === import.meta.filename) {
  // Start empty, so a chunk no longer built cannot linger beside the new ones.
  await rm(join(import.meta.dirname, 'dist'), { recursive: true, force: true });
  await bundle(join(import.meta.dirname, 'dist'));
}
