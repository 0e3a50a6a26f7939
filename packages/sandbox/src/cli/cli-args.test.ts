import { describe, expect, it } from 'vitest';
import { DEFAULT_CLI_PORT, parseCli } from './cli-args.js';
import { parseDuration, parseSize, profileFromEnv } from './cli-values.js';

describe('c66-sandbox flags', () => {
  it('parses sizes in binary units', () => {
    expect(parseSize('100MB')).toBe(100 * 1024 * 1024);
    expect(parseSize('1.5g')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('250MiB')).toBe(250 * 1024 * 1024);
    expect(parseSize('4096')).toBe(4096);
    expect(() => parseSize('lots', 'split-threshold')).toThrow(/split-threshold: "lots"/);
  });

  it('parses durations', () => {
    expect(parseDuration('1500', 'x')).toBe(1500);
    expect(parseDuration('2s', 'x')).toBe(2000);
    expect(parseDuration('5m', 'x', 1000)).toBe(300_000);
    expect(parseDuration('30', 'url-ttl', 1000)).toBe(30_000);
    expect(() => parseDuration('soon', 'backup-delay')).toThrow(/backup-delay/);
  });

  it('maps flags to options, flags over env', () => {
    const { options, help } = parseCli(
      [
        '--port',
        '0',
        '--backups',
        '20000',
        '--split-threshold',
        '100MB',
        '--backup-delay',
        '2s',
        '--url-ttl',
        '5m',
        '--rate-limit',
        '0',
        '--fail-db-types',
        'redis,mongodb',
        '--latency',
        '50',
        '--fault',
        'download:reset:afterBytes=1048576:times=1',
        '--fault',
        'files.get:status:status=503:error=throttled:fileId=tar-ab:times=inf',
      ],
      { C66_SANDBOX_SEED: '7', C66_SANDBOX_PORT: '9999' },
    );
    expect(help).toBe(false);
    expect(options).toMatchObject({
      port: 0,
      seed: 7,
      backups: 20000,
      splitThresholdBytes: 100 * 1024 * 1024,
      backupDelayMs: 2000,
      urlTtlSeconds: 300,
      rateLimitPerHour: 0,
      failDbTypes: ['redis', 'mongodb'],
      latencyMs: 50,
    });
    expect(options.faults).toEqual([
      { route: 'download', kind: 'reset', afterBytes: 1048576, times: 1 },
      {
        route: 'files.get',
        kind: 'status',
        status: 503,
        error: 'throttled',
        times: Number.POSITIVE_INFINITY,
        match: { fileId: 'tar-ab' },
      },
    ]);
  });

  it('reads C66_SANDBOX_* env and the JSON fault list', () => {
    const { options } = parseCli([], {
      C66_SANDBOX_TOKEN: 'tok',
      C66_SANDBOX_FAULTS: '[{"route":"stacks.list","kind":"latency","ms":100,"times":"Infinity"}]',
    });
    expect(options.port).toBe(DEFAULT_CLI_PORT);
    expect(options.token).toBe('tok');
    expect(options.faults).toEqual([
      { route: 'stacks.list', kind: 'latency', ms: 100, times: Number.POSITIVE_INFINITY },
    ]);
  });

  it('takes the profile and the bare stack from flags or env, flags first', () => {
    expect(parseCli([], {}).options).toMatchObject({ profile: undefined, bareStack: undefined });
    expect(parseCli(['--profile', 'full', '--bare-stack'], {}).options).toMatchObject({
      profile: 'full',
      bareStack: true,
    });
    const env = { C66_SANDBOX_PROFILE: 'full', C66_SANDBOX_BARE_STACK: '1' };
    expect(parseCli([], env).options).toMatchObject({ profile: 'full', bareStack: true });
    const off = { C66_SANDBOX_PROFILE: 'full', C66_SANDBOX_BARE_STACK: 'false' };
    expect(parseCli(['--profile', 'documented'], off).options).toMatchObject({
      profile: 'documented',
      bareStack: false,
    });
    expect(() => parseCli(['--profile', 'all'], {})).toThrow(
      /profile: "all" is not one of documented, full/,
    );
    expect(() => parseCli([], { C66_SANDBOX_BARE_STACK: 'maybe' })).toThrow(/bare-stack: "maybe"/);
    expect(profileFromEnv({})).toBeUndefined();
    expect(profileFromEnv({ C66_SANDBOX_PROFILE: 'full' })).toBe('full');
    expect(() => profileFromEnv({ C66_SANDBOX_PROFILE: 'fll' })).toThrow(/profile: "fll"/);
  });

  it('rejects bad input with a message naming it', () => {
    expect(() => parseCli(['--fail-db-types', 'oracle'], {})).toThrow(/oracle/);
    expect(() => parseCli(['--fault', 'download'], {})).toThrow(/route:kind/);
    expect(() => parseCli(['--fault', 'download:reset:afterBytes=x'], {})).toThrow(/not a number/);
    expect(() => parseCli(['--nope'], {})).toThrow(/nope/);
    expect(() => parseCli([], { C66_SANDBOX_FAULTS: '{' })).toThrow(/not valid JSON/);
    expect(parseCli(['--help'], {}).help).toBe(true);
  });
});
