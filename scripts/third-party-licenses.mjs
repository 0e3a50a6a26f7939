// Writes the license notices of every package an esbuild bundle took code from, found
// through the bundle's metafile (what was actually bundled, not what package.json lists).
// Used by the CLI and extension builds: bundling drops the packages' own LICENSE files, and
// their licenses (MIT, ISC, ...) require the notice to travel with the code.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

const LICENSE_FILE = /^(licen[cs]e|copying|notice)([-.][\w.-]*)?$/i;

async function packageOf(file, cache) {
  let dir = dirname(file);
  while (dir !== dirname(dir)) {
    if (cache.has(dir)) return cache.get(dir);
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(await readFile(manifest, 'utf8'));
      // Nested package.json files without a name only set "type" for a folder.
      if (pkg.name) {
        const repository = pkg.repository?.url ?? pkg.repository ?? pkg.homepage;
        const found = {
          dir,
          name: pkg.name,
          version: pkg.version,
          license: pkg.license,
          repository,
        };
        cache.set(dir, found);
        return found;
      }
    }
    dir = dirname(dir);
  }
  throw new Error(`no package.json above ${file}`);
}

/**
 * Writes `outFile` listing each bundled package (name, version, license) with its license
 * text; `self` (the package being built) is left out. Throws when a package has no license
 * file and declares no license, so a bundle never ships without a notice it owes.
 */
export async function writeThirdPartyLicenses({ metafile, cwd, outFile, self }) {
  const cache = new Map();
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    if (input.startsWith('<')) continue; // esbuild's virtual modules
    const pkg = await packageOf(resolve(cwd, input), cache);
    if (pkg.name !== self) packages.set(`${pkg.name}@${pkg.version}`, pkg);
  }
  const sections = [];
  for (const [id, pkg] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const names = (await readdir(pkg.dir)).filter((name) => LICENSE_FILE.test(name)).sort();
    if (names.length === 0 && !pkg.license) throw new Error(`${id} has no license in ${pkg.dir}`);
    // A few packages declare a license but publish no file for it: say so rather than guess.
    const texts =
      names.length > 0
        ? await Promise.all(names.map((name) => readFile(join(pkg.dir, name), 'utf8')))
        : [`${pkg.license}; the package publishes no license file (source: ${pkg.repository}).`];
    sections.push(`## ${id} (${pkg.license ?? 'see below'})\n\n${texts.join('\n').trim()}\n`);
  }
  const header = `# Third-party licenses\n\n${self} bundles code from these ${sections.length} packages; their license notices follow.\n`;
  await writeFile(outFile, [header, ...sections].join('\n'));
  return [...packages.keys()];
}
