// Fails when the committed bundle (apps/action/dist in git's HEAD) differs from a fresh build.
// Builds into a temporary directory, so the work tree's dist/ is never touched.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundle } from '../build.mjs';

const packageDir = join(import.meta.dirname, '..');
const distDir = join(packageDir, 'dist');
const git = (cwd, ...args) => execFileSync('git', args, { cwd, maxBuffer: 64 << 20 });
const repoRoot = git(packageDir, 'rev-parse', '--show-toplevel').toString().trim();
const distInRepo = relative(repoRoot, distDir).split('\\').join('/');

const fresh = await mkdtemp(join(tmpdir(), 'c66-action-dist-'));
try {
  await bundle(fresh);
  const built = (await readdir(fresh)).sort();
  const committed = git(repoRoot, 'ls-tree', '--name-only', 'HEAD', `${distInRepo}/`)
    .toString()
    .split('\n')
    .filter(Boolean)
    .map((path) => path.slice(distInRepo.length + 1))
    .sort();

  const problems = [];
  for (const name of new Set([...built, ...committed])) {
    if (!committed.includes(name)) problems.push(`${name}: built but not committed`);
    else if (!built.includes(name)) problems.push(`${name}: committed but no longer built`);
    else {
      const want = await readFile(join(fresh, name));
      const have = git(repoRoot, 'show', `HEAD:${distInRepo}/${name}`);
      if (!want.equals(have)) {
        problems.push(
          `${name}: differs (committed ${have.length} bytes, fresh build ${want.length} bytes)`,
        );
      }
    }
  }
  if (problems.length > 0) {
    console.error(`The committed action bundle is out of date:\n  ${problems.join('\n  ')}`);
    console.error(
      'Rebuild with `pnpm --filter @c66-backup/action build` and commit apps/action/dist.',
    );
    process.exitCode = 1;
  } else {
    console.log(`The committed action bundle is up to date (${built.join(', ')}).`);
  }
} finally {
  await rm(fresh, { recursive: true, force: true });
}
