// The CLI as a user installs it: `npm install -g` of its tarball into an empty prefix
// (offline: the bundle has no dependencies), then the installed `c66-backup` run against the
// sandbox: --version, a list, a download (token piped in with `--token-file -`), shell
// completion; and `npx <tarball>` picking the one bin, as `npx @c66-backup/cli` does.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { exec, npm } from './exec.mjs';

/** Problems found running the CLI from `tarball` (version `version`) against `sb`. */
export async function installCli({ tarball, version, work, sb }) {
  const prefix = join(work, 'prefix');
  await npm(['install', '--global', '--offline', '--prefix', prefix, tarball]);
  const bin = join(prefix, 'bin', 'c66-backup');
  const env = { C66_API_URL: sb.apiUrl, HOME: work };
  const run = async (args, input) => (await exec(bin, args, { cwd: work, env, input })).stdout;
  const problems = [];
  const seen = (await run(['--version'])).trim();
  if (seen !== version) problems.push(`--version printed ${seen}, the package is ${version}`);

  // `blog` is the sandbox's one stack of that name; its newest backup is listed, downloaded.
  const stack = sb.stacks().find((candidate) => candidate.name === 'blog');
  const listed = await run(
    ['--token-file', '-', 'backups', 'list', '--stack', 'blog', '--limit', '1', '--json'],
    sb.token,
  );
  const latest = JSON.parse(listed.trim() || 'null');
  if (!latest?.id) problems.push(`backups list printed no backup: ${listed}`);
  else {
    const out = join(work, 'downloads');
    const args = [
      '--token-file',
      '-',
      'backups',
      'download',
      '--stack',
      'blog',
      '--id',
      String(latest.id),
      '-o',
      out,
      '--json',
    ];
    const report = JSON.parse(await run(args, sb.token));
    const expected = sb.backupFiles(stack.uid, latest.id).reduce((sum, file) => sum + file.size, 0);
    const { size } = await stat(report.path);
    if (!report.verified || size !== expected || report.backup_id !== latest.id)
      problems.push(
        `download of ${latest.id}: ${size} bytes (expected ${expected}), verified ${report.verified}`,
      );
  }

  const script = await run(['completion', 'bash']);
  await exec('bash', ['-n'], { input: script });
  const words = await run(['complete', '--', 'backups', 'd']);
  if (!words.startsWith('download\t')) problems.push(`completion of "backups d" was ${words}`);
  const licenses = await readFile(
    join(prefix, 'lib/node_modules/@c66-backup/cli/dist/THIRD-PARTY-LICENSES.md'),
    'utf8',
  );
  for (const name of ['commander', 'ky', 'zod'])
    if (!licenses.includes(`## ${name}@`)) problems.push(`no ${name} license notice`);

  const viaNpx = await npm(
    ['exec', '--offline', '--yes', `--package=${tarball}`, '--', 'c66-backup', '--version'],
    { cwd: work, env: { HOME: work } },
  );
  if (viaNpx.stdout.trim() !== version) problems.push(`npx printed ${viaNpx.stdout.trim()}`);
  return problems;
}
