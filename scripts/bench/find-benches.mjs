// Finds the repo's benches by the one convention every package follows:
// `<packages|apps>/<package>/bench/<name>/main.mjs`, run by the package's
// `bench:<name>` script. The description is the first sentence of main.mjs's leading
// comment, so a bench documents itself where it is written.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOTS = ['packages', 'apps'];
const DESCRIPTION_MAX = 96;

/**
 * Every bench under `root`, sorted by name. Each is `{ name, pkg, dir, main, script,
 * description }`; `script` is undefined when the package lacks `bench:<name>`.
 * Throws when two packages use one name: `pnpm bench <name>` must mean one bench.
 */
export function findBenches(root) {
  const benches = [];
  for (const base of ROOTS) {
    for (const pkgDir of subfolders(join(root, base))) {
      const manifest = join(pkgDir, 'package.json');
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      for (const benchDir of subfolders(join(pkgDir, 'bench'))) {
        const main = join(benchDir, 'main.mjs');
        if (!existsSync(main)) continue;
        const name = benchDir.slice(benchDir.lastIndexOf('/') + 1);
        benches.push({
          name,
          pkg: pkg.name,
          dir: relative(root, pkgDir),
          main: relative(root, main),
          script: pkg.scripts?.[`bench:${name}`] === undefined ? undefined : `bench:${name}`,
          description: describe(readFileSync(main, 'utf8')),
        });
      }
    }
  }
  benches.sort((a, b) => a.name.localeCompare(b.name));
  for (let i = 1; i < benches.length; i++) {
    const [a, b] = [benches[i - 1], benches[i]];
    if (a.name === b.name) {
      throw new Error(`two benches are named "${a.name}": ${a.main} and ${b.main}`);
    }
  }
  return benches;
}

/** The first sentence of the file's leading `//` comment, shortened to one line. */
export function describe(source) {
  const lines = source.split('\n');
  if (lines[0]?.startsWith('#!')) lines.shift();
  const comment = [];
  for (const line of lines) {
    const match = /^\s*\/\/\s?(.*)$/.exec(line);
    if (!match) break;
    comment.push(match[1].trim());
  }
  const text = comment.join(' ').replace(/\s+/g, ' ').trim();
  if (!text) return '(no description: start main.mjs with a comment)';
  const sentence = /^(.+?(?<!\be\.g|\bi\.e)[.;])(\s|$)/.exec(text)?.[1] ?? text;
  if (sentence.length <= DESCRIPTION_MAX) return sentence;
  const cut = sentence.slice(0, DESCRIPTION_MAX - 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

function subfolders(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules')
    .map((entry) => join(dir, entry.name));
}
