import { DEFAULT_BASE_URL } from '@c66-backup/core';
import { describe, expect, it } from 'vitest';
import { captureStream } from '../test/capture-stream.js';
import { resolveApiUrl } from './api-url.js';
import { UsageError } from './usage-error.js';

describe('resolveApiUrl', () => {
  it('prefers --api-url, then C66_API_URL, then the real API', () => {
    const { stream: stderr } = captureStream();
    const env = { C66_API_URL: 'http://127.0.0.1:9/api/3/' };
    expect(resolveApiUrl('https://proxy.example/api/3', { env, stderr })).toBe(
      'https://proxy.example/api/3',
    );
    expect(resolveApiUrl(undefined, { env, stderr })).toBe('http://127.0.0.1:9/api/3');
    expect(resolveApiUrl(undefined, { env: {}, stderr })).toBe(DEFAULT_BASE_URL);
  });

  it('rejects what is not an http(s) URL, naming where it came from', () => {
    const { stream: stderr } = captureStream();
    expect(() => resolveApiUrl('localhost:3000', { env: {}, stderr })).toThrow(
      /--api-url: 'localhost:3000' must be an http\(s\) URL/,
    );
    expect(() => resolveApiUrl(undefined, { env: { C66_API_URL: 'nope' }, stderr })).toThrow(
      "C66_API_URL: 'nope' is not a URL",
    );
  });
});

describe('resolveApiUrl and plain http', () => {
  it('takes plain http to this machine silently (the sandbox, a local proxy)', () => {
    const out = captureStream();
    for (const url of ['http://127.0.0.1:4066/api/3', 'http://localhost:1/', 'http://[::1]:2/']) {
      expect(resolveApiUrl(url, { env: {}, stderr: out.stream })).toBe(url.replace(/\/+$/, ''));
    }
    expect(out.text()).toBe('');
  });

  it('refuses plain http to another machine with a usage error saying how to allow it', () => {
    const { stream: stderr } = captureStream();
    const call = () => resolveApiUrl('http://proxy.internal:8080/api/3', { env: {}, stderr });
    expect(call).toThrow(UsageError);
    expect(call).toThrow(
      '--api-url http://proxy.internal:8080 is plain http to another machine: the token would cross the network unencrypted; use https, or pass --allow-insecure-http (or set C66_ALLOW_INSECURE_HTTP=1) if you mean it',
    );
    expect(() =>
      resolveApiUrl(undefined, { env: { C66_API_URL: 'http://10.0.0.5/api/3' }, stderr }),
    ).toThrow(/^C66_API_URL http:\/\/10\.0\.0\.5 is plain http/);
  });

  it('with --allow-insecure-http or C66_ALLOW_INSECURE_HTTP=1: goes ahead, warning on stderr', () => {
    const flag = captureStream();
    expect(
      resolveApiUrl(
        'http://10.0.0.5/api/3',
        { env: {}, stderr: flag.stream },
        { allowInsecureHttp: true },
      ),
    ).toBe('http://10.0.0.5/api/3');
    expect(flag.text()).toBe(
      'warning: --api-url http://10.0.0.5 is plain http: the token travels unencrypted\n',
    );
    const env = captureStream();
    const vars = { C66_API_URL: 'http://10.0.0.5/api/3', C66_ALLOW_INSECURE_HTTP: '1' };
    expect(resolveApiUrl(undefined, { env: vars, stderr: env.stream })).toBe(
      'http://10.0.0.5/api/3',
    );
    expect(env.text()).toMatch(/^warning: C66_API_URL http:\/\/10\.0\.0\.5 is plain http/);
    expect(() =>
      resolveApiUrl(undefined, {
        env: { ...vars, C66_ALLOW_INSECURE_HTTP: 'yes' },
        stderr: env.stream,
      }),
    ).toThrow(UsageError);
  });
});
