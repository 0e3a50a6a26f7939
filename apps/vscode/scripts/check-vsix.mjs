// Checks a packaged .vsix: the bundle and manifest are in it, nothing else that should not
// be (node_modules, source maps, sources, tests), and the manifest's commands, menus and
// views line up with each other and with the bundle. Prints the size; exits 1 on a problem.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { manifestProblems } from './manifest-problems.mjs';
import { marketplaceProblems } from './marketplace-problems.mjs';

const file = process.argv[2] ?? 'c66-backup-vscode.vsix';
const open = promisify(yauzl.open);

async function readEntries(path) {
  const zip = await open(path, { lazyEntries: true });
  const entries = new Map();
  const wanted = new Set([
    'extension/package.json',
    'extension/dist/extension.js',
    'extension/dist/main.js',
    'extension/readme.md',
    'extension/media/icon.png',
  ]);
  await new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry) => {
      const record = { size: entry.uncompressedSize, text: undefined, bytes: undefined };
      entries.set(entry.fileName, record);
      if (!wanted.has(entry.fileName)) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks = [];
        stream.on('data', (c) => chunks.push(c));
        stream.on('error', reject);
        stream.on('end', () => {
          record.bytes = Buffer.concat(chunks);
          record.text = record.bytes.toString('utf8');
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  zip.close();
  return entries;
}

const entries = await readEntries(file);
const problems = [];
for (const name of entries.keys()) {
  if (name.includes('node_modules/')) problems.push(`contains node_modules: ${name}`);
  if (name.endsWith('.map')) problems.push(`contains a source map: ${name}`);
  if (
    /\.(ts|mts|cts)$/.test(name) ||
    name.startsWith('extension/src/') ||
    name.startsWith('extension/test/')
  ) {
    problems.push(`contains sources or tests: ${name}`);
  }
  if (name.endsWith('.vsix')) problems.push(`contains a .vsix: ${name}`);
}
const manifestText = entries.get('extension/package.json')?.text;
// The entry registers the commands, the lazily loaded main.js sets the tree's viewItems:
// the manifest is checked against both.
const bundles = ['extension/dist/extension.js', 'extension/dist/main.js'].map((name) => {
  const text = entries.get(name)?.text;
  if (!text) problems.push(`${name} is missing`);
  if (text?.includes('sourceMappingURL')) problems.push(`${name} points at a source map`);
  return text;
});
const bundle = bundles.every(Boolean) ? bundles.join('\n') : undefined;
if (!manifestText) problems.push('extension/package.json is missing');
if (manifestText && bundle) {
  const manifest = JSON.parse(manifestText);
  if (manifest.main !== './dist/extension.js') problems.push(`main is ${manifest.main}`);
  if (manifest.icon && !entries.has(`extension/${manifest.icon}`))
    problems.push(`icon ${manifest.icon} is missing`);
  for (const container of manifest.contributes?.viewsContainers?.activitybar ?? []) {
    if (!entries.has(`extension/${container.icon}`))
      problems.push(`activity bar icon ${container.icon} is missing`);
  }
  problems.push(...manifestProblems(manifest, bundle));
  problems.push(...marketplaceProblems(manifest, entries));
  // The README's images are served from the repository: each must exist at the path named.
  const base = `/raw/HEAD/${manifest.repository?.directory}/`;
  const readme = entries.get('extension/readme.md')?.text ?? '';
  for (const [, url] of readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
    const path = url.includes(base) ? url.slice(url.indexOf(base) + base.length) : undefined;
    if (path && !existsSync(fileURLToPath(new URL(`../${path}`, import.meta.url))))
      problems.push(`README image ${path} is not in the repository`);
  }
}

const { size } = await stat(file);
console.log(`${file}: ${(size / 1024).toFixed(1)} KiB, ${entries.size} files`);
for (const [name, entry] of entries) console.log(`  ${String(entry.size).padStart(9)}  ${name}`);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(
  'manifest, menus, views and bundle line up; Marketplace fields, icon, README links and license notices in place; no node_modules, no source maps',
);
