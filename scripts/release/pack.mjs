// Packs a workspace package the way it is published (`pnpm pack`: workspace: ranges become
// versions, publishConfig applies) and unpacks it to look inside.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exec } from './exec.mjs';

/** Packs `pkgDir` into `dest` and returns `{ tarball, dir }`, `dir` holding `package/`. */
export async function packAndUnpack(pkgDir, dest) {
  await mkdir(dest, { recursive: true });
  await exec('pnpm', ['pack', '--pack-destination', dest], { cwd: pkgDir });
  const tarballs = (await readdir(dest)).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`expected one tarball in ${dest}, found ${tarballs}`);
  const tarball = join(dest, tarballs[0]);
  const dir = join(dest, 'unpacked');
  await mkdir(dir);
  await exec('tar', ['-xzf', tarball, '-C', dir]);
  return { tarball, dir: join(dir, 'package') };
}

/** Every file under `dir`, as paths relative to it. */
export async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dir.length + 1));
}
