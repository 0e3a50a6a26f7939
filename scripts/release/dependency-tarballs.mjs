// The offline stand-in for the registry: tars up every production dependency of a workspace
// package (transitively) from the copies pnpm already installed, so an empty project can
// `npm install --offline` the package's tarball and these, and nothing is downloaded.
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { exec } from './exec.mjs';

/** Node's lookup: `node_modules/<name>` in `from` or any folder above it. */
function findInstalled(from, name) {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (basename(dir) === 'node_modules') continue;
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
  }
  throw new Error(`${name} is not installed above ${from}`);
}

/** Packs the dependency closure of `pkgDir` into `dest`; resolves to the tarball paths. */
export async function dependencyTarballs(pkgDir, dest) {
  const seen = new Map();
  const queue = [realpathSync(pkgDir)];
  while (queue.length > 0) {
    const dir = queue.shift();
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    const names = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies });
    for (const name of names) {
      const found = findInstalled(dir, name);
      if (seen.has(found)) continue;
      seen.set(found, name);
      queue.push(found);
    }
  }
  await mkdir(dest, { recursive: true });
  const tarballs = [];
  for (const [dir, name] of seen) {
    // The installed folder is what the registry's tarball unpacked to; tar it back up under
    // `package/`, hard links (pnpm's store dedupes files) as plain files, which npm can unpack.
    // (`npm pack <folder>` re-applies `files` globs, and dies on some, e.g. zod's.)
    const tarball = join(dest, `${name.replace('/', '-')}.tgz`);
    await exec('tar', [
      '-czf',
      tarball,
      '--hard-dereference',
      '--exclude=node_modules',
      '--transform=s,^\\.,package,',
      '-C',
      dir,
      '.',
    ]);
    tarballs.push(tarball);
  }
  return tarballs;
}
