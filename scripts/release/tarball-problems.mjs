// What npm (and its provenance check) and users would find wrong in an unpacked tarball:
// missing LICENSE or README, missing repository / homepage / bugs / keywords, a scoped
// package that would publish as restricted, leftover workspace: ranges, source maps whose
// sources are neither shipped nor embedded.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { listFiles } from './pack.mjs';

async function sourceMapProblems(dir, files) {
  const problems = [];
  for (const file of files.filter((f) => f.endsWith('.map'))) {
    const map = JSON.parse(await readFile(join(dir, file), 'utf8'));
    const root = resolve(dir, dirname(file), map.sourceRoot ?? '');
    map.sources.forEach((source, i) => {
      const embedded = typeof map.sourcesContent?.[i] === 'string';
      const target = resolve(root, source);
      if (!embedded && (!target.startsWith(`${dir}/`) || !existsSync(target)))
        problems.push(`${file}: source ${source} is neither shipped nor embedded`);
    });
  }
  return problems;
}

/** Problems with the unpacked package in `dir`; `expect.bin` names a bin that must exist. */
export async function tarballProblems(dir, expect = {}) {
  const files = await listFiles(dir);
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  const problems = [];
  for (const name of ['LICENSE', 'README.md'])
    if (!files.includes(name)) problems.push(`no ${name}`);
  if (pkg.private) problems.push('private: true (npm refuses to publish it)');
  if (!pkg.repository?.url) problems.push('no repository (npm provenance rejects the package)');
  for (const field of ['homepage', 'bugs', 'keywords', 'license', 'description'])
    if (!pkg[field]) problems.push(`no ${field}`);
  if (pkg.name.startsWith('@') && pkg.publishConfig?.access !== 'public')
    problems.push('scoped without publishConfig.access public: it would publish as restricted');
  for (const [name, range] of Object.entries(pkg.dependencies ?? {}))
    if (/^(workspace|link|file):/.test(range)) problems.push(`dependency ${name}@${range}`);
  if (expect.bin && !files.includes(pkg.bin?.[expect.bin]?.replace(/^\.\//, '')))
    problems.push(`bin ${expect.bin} is not in the tarball`);
  for (const file of expect.files ?? []) if (!files.includes(file)) problems.push(`no ${file}`);
  if (files.some((f) => /\.test\.[cm]?[jt]s$/.test(f))) problems.push('ships test files');
  problems.push(...(await sourceMapProblems(dir, files)));
  return { problems, files, pkg };
}
