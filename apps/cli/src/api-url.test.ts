import { describe, expect, it } from 'vitest';
import { defaultApiUrl, resolveApiUrl } from './api-url.js';

describe('resolveApiUrl', () => {
  it('prefers --api-url, then C66_API_URL, then the real API', () => {
    const env = { C66_API_URL: 'http://127.0.0.1:9/api/3/' };
    expect(resolveApiUrl('https://proxy.example/api/3', { env })).toBe(
      'https://proxy.example/api/3',
    );
    expect(resolveApiUrl(undefined, { env })).toBe('http://127.0.0.1:9/api/3');
    expect(resolveApiUrl(undefined, { env: {} })).toBe(defaultApiUrl);
  });

  it('rejects what is not an http(s) URL, naming where it came from', () => {
    expect(() => resolveApiUrl('localhost:3000', { env: {} })).toThrow(
      /--api-url must be an http\(s\) URL/,
    );
    expect(() => resolveApiUrl(undefined, { env: { C66_API_URL: 'nope' } })).toThrow(
      "C66_API_URL is not a URL: 'nope'",
    );
  });
});
