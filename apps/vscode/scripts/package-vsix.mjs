// Packages the .vsix with vsce (which runs `vscode:prepublish`, the production build) and
// fails on any warning vsce or npm prints: what the Marketplace would complain about is
// caught here. README links are rewritten against the repository named in package.json, so
// the URL is written once. vsce (and the npm it runs) start through scripts/isolated-env.sh,
// free of pnpm's npm_* variables.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const dir = `${pkg.repository.directory}/`;
const out = process.argv[2] ?? 'c66-backup-vscode.vsix';
const vsce = fileURLToPath(new URL('../node_modules/@vscode/vsce/vsce', import.meta.url));
const isolatedEnv = fileURLToPath(new URL('../../../scripts/isolated-env.sh', import.meta.url));

const result = spawnSync(
  'bash',
  [
    isolatedEnv,
    'NO_COLOR=1',
    process.execPath,
    vsce,
    'package',
    '--no-dependencies',
    '--baseContentUrl',
    `${repo}/blob/HEAD/${dir}`,
    '--baseImagesUrl',
    `${repo}/raw/HEAD/${dir}`,
    '--out',
    out,
  ],
  { cwd: root, encoding: 'utf8' },
);
const output = `${result.stdout}${result.stderr}`;
process.stdout.write(output);
const warnings = output.split('\n').filter((line) => /\bWARNING\b|^npm warn/i.test(line));
if (result.status !== 0) process.exit(result.status ?? 1);
if (warnings.length > 0) {
  console.error(`\nvsce packaged with ${warnings.length} warning(s):\n${warnings.join('\n')}`);
  process.exit(1);
}
