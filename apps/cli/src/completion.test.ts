import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test/run-cli.js';

// Every shell's script asks the CLI `complete -- <words so far>` and shows the lines it
// prints (`value<TAB>description`, then `:<directive>`), so the answers are tested here once.
async function suggestions(...words: string[]): Promise<string[]> {
  const result = await runCli(['complete', '--', ...words]);
  expect(result.code, result.stderr).toBe(0);
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines.at(-1)).toMatch(/^:\d+$/);
  return lines.slice(0, -1).map((line) => line.split('\t')[0] as string);
}

describe('shell completion', () => {
  it('completes commands and subcommands from the program itself', async () => {
    expect(await suggestions('')).toEqual(expect.arrayContaining(['stacks', 'backups']));
    expect(await suggestions('backups', '')).toEqual(
      expect.arrayContaining(['list', 'create', 'download', 'import']),
    );
    expect(await suggestions('backups', 'd')).toEqual(['download']);
  });

  it("completes the global options, a command's options and --db-type values", async () => {
    expect(await suggestions('--')).toEqual(
      expect.arrayContaining(['--json', '--token-file', '--account', '--api-url']),
    );
    expect(await suggestions('backups', 'list', '--')).toEqual(
      expect.arrayContaining(['--stack', '--db-type', '--limit']),
    );
    expect(await suggestions('backups', 'list', '--db-type', '')).toEqual([
      'mysql',
      'postgresql',
      'redis',
      'mongodb',
    ]);
    expect(await suggestions('backups', 'create', '--db-type', '')).toContain('all');
  });

  it('prints a script for bash, zsh and fish that calls the installed name', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const result = await runCli(['completion', shell]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('c66-backup complete --');
    }
    const bash = await runCli(['completion', 'bash']);
    const syntax = spawnSync('bash', ['-n'], { input: bash.stdout, encoding: 'utf8' });
    expect(syntax.status, syntax.stderr).toBe(0);
  });

  it('refuses an unknown shell as a usage error', async () => {
    const result = await runCli(['completion', 'tcsh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/tcsh/);
  });
});
