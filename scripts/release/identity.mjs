// The repository's identity (owner/name and its URLs) is written once, as the root
// package.json's `repository.url`; this checks that every package manifest, README, doc and
// workflow agrees with it, and that each package ships the root LICENSE. Manifests cannot
// import a constant, so agreement is enforced here instead (run by `pnpm lint`).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `{ slug: 'owner/name', url: 'https://github.com/owner/name' }` from the root manifest. */
export function repositoryIdentity(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const match = /^git\+https:\/\/github\.com\/([\w.-]+\/[\w.-]+?)\.git$/.exec(pkg.repository?.url);
  if (!match) throw new Error(`root package.json: repository.url is not a GitHub git URL`);
  return { slug: match[1], url: `https://github.com/${match[1]}` };
}

function manifestProblems(root, dir, { slug, url }) {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  const where = `${dir}/package.json`;
  const want = {
    'repository.url': [pkg.repository?.url, `git+${url}.git`],
    'repository.directory': [pkg.repository?.directory, dir],
    homepage: [pkg.homepage, `${url}/tree/main/${dir}#readme`],
    'bugs.url': [pkg.bugs?.url, `${url}/issues`],
  };
  const problems = Object.entries(want)
    .filter(([, [got, expected]]) => got !== expected)
    .map(([field, [got, expected]]) => `${where}: ${field} is ${got}, expected ${expected}`);
  const licensed = !pkg.private || pkg.publisher; // npm packages and the extension ship one
  const license = join(root, dir, 'LICENSE');
  if (licensed && readFileSync(join(root, 'LICENSE'), 'utf8') !== readIfExists(license))
    problems.push(`${dir}/LICENSE is missing or differs from the root LICENSE (${slug})`);
  return problems;
}

const readIfExists = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

/** Every disagreement with the root identity; empty when all agree. */
export function identityProblems(root) {
  const identity = repositoryIdentity(root);
  const [owner, name] = identity.slug.split('/');
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  }).split('\n');
  const problems = [];
  for (const file of files.filter((f) => /(^|\/)package\.json$/.test(f) && f.includes('/'))) {
    if (!file.includes('node_modules/') && !file.includes('/e2e/'))
      problems.push(...manifestProblems(root, file.slice(0, -'/package.json'.length), identity));
  }
  // Any other owner in front of this repository's name is a stale or placeholder identity.
  const other = new RegExp(`(?:uses:\\s*|github\\.com/)([\\w.-]+)/${name}\\b`, 'g');
  for (const file of files.filter(
    (f) => /\.(md|ya?ml|json)$/.test(f) && existsSync(join(root, f)),
  )) {
    if (file.includes('node_modules/') || file === 'pnpm-lock.yaml') continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const match of text.matchAll(other)) {
      if (match[1] !== owner)
        problems.push(`${file}: names ${match[1]}/${name}, expected ${identity.slug}`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const problems = identityProblems(root);
  for (const problem of problems) console.error(`identity: ${problem}`);
  if (problems.length > 0) process.exit(1);
  console.log(
    `identity: every manifest, README and workflow names ${repositoryIdentity(root).slug}`,
  );
}
