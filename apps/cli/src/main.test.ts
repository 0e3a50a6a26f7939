import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecrets, runCli, sandboxEnv } from '../test/run-cli.js';
import { type Sandbox, startTestSandbox } from '../test/test-sandbox.js';

describe('c66-backup (global behaviour)', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(async () => {
    await sb.close();
  });

  it('--help lists the commands, the token rule and the exit codes; exit 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const text of ['stacks', 'backups', '--json', '--token-file', '--api-url', 'C66_TOKEN']) {
      expect(result.stdout).toContain(text);
    }
    expect(result.stdout).toMatch(/130\s+interrupted/);
    expect(result.stdout).not.toContain('--token ');
  });

  it('--help works on every subcommand and shows the global options there', async () => {
    for (const args of [
      ['stacks', '--help'],
      ['backups', 'list', '--help'],
      ['backups', 'create', '--help'],
      ['backups', 'download', '--help'],
      ['backups', 'import', '--help'],
    ]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toContain('--json');
      expect(result.stdout, args.join(' ')).toContain('Examples');
    }
  });

  it('--version prints the package version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['stacks', '--nope'], /unknown option '--nope'/],
    [['backups', 'list'], /required option '-s, --stack <uid\|name>' not specified/],
    [['backups'], /Usage: c66-backup backups/],
    [[], /Usage: c66-backup/],
  ])('usage error %j exits 2 with no request sent', async (args, message) => {
    const before = sb.requests.length;
    const result = await runCli(args, { env: sandboxEnv(sb) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(sb.requests.length).toBe(before);
  });

  it('there is no --token flag: a token on the command line is refused', async () => {
    const result = await runCli(['stacks', '--token', sb.token], {
      env: { C66_API_URL: sb.apiUrl },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--token'");
  });

  it('a missing token is a usage error that says how to give one', async () => {
    const result = await runCli(['stacks'], { env: { C66_API_URL: sb.apiUrl } });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'error: no API token: set C66_TOKEN or pass --token-file <path> (a Cloud 66 personal access token)',
    );
  });

  it('a bad --api-url is a usage error', async () => {
    const result = await runCli(['stacks', '--api-url', 'ftp://x'], { env: sandboxEnv(sb) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: --api-url: 'ftp://x' must be an http(s) URL");
  });

  it('a refused connection is one error line, exit 1, no stack trace', async () => {
    const closed = await startTestSandbox();
    const apiUrl = closed.apiUrl;
    await closed.close();
    const result = await runCli(['stacks'], { env: { C66_TOKEN: 'x', C66_API_URL: apiUrl } });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a revoked token: exit 1, the 401 line and the C66_TOKEN hint, never the token', async () => {
    const token = 'revoked-token-0123456789abcdef';
    const revoked = await startTestSandbox({ token });
    try {
      revoked.revokeToken(token);
      const result = await runCli(['stacks', '--debug'], { env: sandboxEnv(revoked) });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: .+/m);
      expect(result.stderr).toContain('hint: check C66_TOKEN');
      expectNoSecrets(result, [token]);
    } finally {
      await revoked.close();
    }
  });

  it('--debug logs each request (path, status) and the stack of an error, never the token', async () => {
    const result = await runCli(['backups', 'list', '--stack', 'no-such-stack', '--debug'], {
      env: sandboxEnv(sb),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/debug: GET \/stacks\?\S*page=1 -> 200 in \d+ ms/);
    expect(result.stderr).toMatch(/^error: .*no-such-stack/m);
    expect(result.stderr).toMatch(/\n\s+at /);
    expectNoSecrets(result, [sb.token]);
  });

  it('a spent rate limit: exit 1 with a hint about the hourly limit', async () => {
    sb.faults.inject({ route: 'stacks.list', kind: 'status', status: 503, error: 'throttled' });
    const result = await runCli(['stacks'], { env: sandboxEnv(sb) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: .+\nhint: Cloud 66's rate limit \(3,000 requests an hour\) is spent/,
    );
  });

  it('a response that no longer matches the API docs: one error line, details with --debug', async () => {
    sb.faults.inject({ route: 'stacks.list', kind: 'drift', times: 2 });
    const result = await runCli(['stacks'], { env: sandboxEnv(sb) });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'error: GET /stacks answered with an unexpected shape',
      'hint: run with --debug for the details',
    ]);
    const debug = await runCli(['stacks', '--debug'], { env: sandboxEnv(sb) });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(
      /ResponseValidationError: GET \/stacks answered with an unexpected shape:\n.*Invalid input/,
    );
  });

  it('--token-file reads and trims the token', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'c66-cli-'));
    try {
      const file = path.join(dir, 'token');
      await writeFile(file, `${sb.token}\n`);
      const result = await runCli(['stacks', '--token-file', file, '--json'], {
        env: { C66_API_URL: sb.apiUrl, C66_TOKEN: 'wrong' },
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('"uid"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
