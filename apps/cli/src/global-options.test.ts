import { startSandbox } from '@c66-backup/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoSecrets, jsonLines, runCli } from '../test/run-cli.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

// `--token-file -` and `--account`, end to end: the built CLI against the sandbox.
describe('global options reaching the API', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sb.close();
  });
  beforeEach(() => {
    sb.requests.length = 0;
  });

  const accountsSent = () => sb.requests.map((r) => r.headers['x-account']);

  it('`--token-file -` takes the token from standard input', async () => {
    const result = await runCli(['--token-file', '-', 'stacks', '--json'], {
      env: { C66_API_URL: sb.apiUrl, C66_TOKEN: 'not-this-one' },
      input: `${sb.token}\n`,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(jsonLines(result.stdout)).toHaveLength(sb.stacks().length);
    expectNoSecrets(result, [sb.token]);
  });

  it('`--token-file -` with nothing piped in is a usage error (exit 2)', async () => {
    const result = await runCli(['--token-file', '-', 'stacks'], {
      env: { C66_API_URL: sb.apiUrl },
      input: '',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--token-file standard input is empty');
    expect(sb.requests).toHaveLength(0);
  });

  it('sends X-Account from --account, else C66_ACCOUNT, and none without either', async () => {
    const env = { C66_API_URL: sb.apiUrl, C66_TOKEN: sb.token };
    expect((await runCli(['stacks'], { env })).code).toBe(0);
    expect(new Set(accountsSent())).toEqual(new Set([undefined]));

    sb.requests.length = 0;
    expect((await runCli(['stacks'], { env: { ...env, C66_ACCOUNT: '4242' } })).code).toBe(0);
    expect(new Set(accountsSent())).toEqual(new Set(['4242']));

    sb.requests.length = 0;
    const flag = await runCli(['--account', '77', 'stacks'], {
      env: { ...env, C66_ACCOUNT: '4242' },
    });
    expect(flag.code).toBe(0);
    expect(new Set(accountsSent())).toEqual(new Set(['77']));
  });

  it('a malformed account is a usage error before any request', async () => {
    const result = await runCli(['--account', 'acme corp', 'stacks'], {
      env: { C66_API_URL: sb.apiUrl, C66_TOKEN: sb.token },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--account must be a Cloud 66 account ID');
    expect(sb.requests).toHaveLength(0);
  });

  it('plain http to the sandbox on 127.0.0.1 needs no flag and says nothing', async () => {
    const result = await runCli(['stacks', '--json'], {
      env: { C66_API_URL: sb.apiUrl, C66_TOKEN: sb.token },
    });
    expect(sb.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('plain http to another machine is refused (exit 2) before the token is read or sent', async () => {
    const result = await runCli(['--api-url', 'http://proxy.internal:8080/api/3', 'stacks'], {
      env: { C66_TOKEN: sb.token },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error: --api-url http://proxy.internal:8080 is plain http to another machine: the token would cross the network unencrypted',
    );
    expect(result.stderr).toContain('--allow-insecure-http');
    expectNoSecrets(result, [sb.token]);
  });

  it('--allow-insecure-http (or C66_ALLOW_INSECURE_HTTP=1) goes ahead with a warning on stderr', async () => {
    // 0.0.0.0 reaches this machine's sandbox, yet is not one of the loopback names the rule
    // trusts: it stands in for another host here.
    const remote = sb.apiUrl.replace('127.0.0.1', '0.0.0.0');
    const origin = new URL(remote).origin;
    for (const [args, env] of [
      [['--allow-insecure-http', '--api-url', remote], {}],
      [[], { C66_API_URL: remote, C66_ALLOW_INSECURE_HTTP: '1' }],
    ] as const) {
      const result = await runCli([...args, 'stacks', '--json'], {
        env: { C66_TOKEN: sb.token, ...env },
      });
      expect(result.code, result.stderr).toBe(0);
      expect(jsonLines(result.stdout)).toHaveLength(sb.stacks().length);
      expect(result.stderr).toMatch(
        new RegExp(
          `^warning: (--api-url|C66_API_URL) ${origin} is plain http: the token travels unencrypted\n$`,
        ),
      );
      expectNoSecrets(result, [sb.token]);
    }
  });
});
