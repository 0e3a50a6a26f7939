// Run by the release workflow once no changesets are pending: decides what this commit
// releases, as GitHub Actions outputs (key=value lines for $GITHUB_OUTPUT).
// - action-tag: `vX.Y.Z` of the action's version when that tag does not exist yet;
// - npm: the packages whose name@version npm does not have yet (space-separated);
// - vscode: `true` when the Marketplace does not have the extension's version yet.
// It asks the registries, so it runs only there, never in the offline release check.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const manifest = (dir) => JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), 'utf8'));
const quiet = (command, args) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return ''; // not found (a 404 from npm, an unknown extension, no such tag)
  }
};

const action = manifest('apps/action');
const tag = `v${action.version}`;
const tagExists = quiet('git', ['tag', '--list', tag]).trim() === tag;

const npm = ['packages/core', 'apps/cli']
  .map(manifest)
  .filter(
    (pkg) => quiet('npm', ['view', `${pkg.name}@${pkg.version}`, 'version']).trim() !== pkg.version,
  )
  .map((pkg) => pkg.name);

const vscode = manifest('apps/vscode');
const shown = quiet('pnpm', [
  '--filter',
  vscode.name,
  'exec',
  'vsce',
  'show',
  `${vscode.publisher}.${vscode.name}`,
  '--json',
]);
const published = shown
  ? JSON.parse(shown).versions?.some((v) => v.version === vscode.version)
  : false;

console.log(`action-tag=${tagExists ? '' : tag}`);
console.log(`action-version=${action.version}`);
console.log(`npm=${npm.join(' ')}`);
console.log(`vscode=${published ? 'false' : 'true'}`);
console.log(`vscode-version=${vscode.version}`);
