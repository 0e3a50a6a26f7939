import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL } from './client-options.js';
import { InvalidInputError } from './errors/index.js';
import { parseApiUrl } from './parse-api-url.js';

describe('parseApiUrl', () => {
  it('blank means Cloud 66 itself', () => {
    expect(parseApiUrl(undefined)).toBe(DEFAULT_BASE_URL);
    expect(parseApiUrl('  ')).toBe('https://app.cloud66.com/api/3');
  });

  it('keeps an http(s) URL, trimmed and without trailing slashes', () => {
    expect(parseApiUrl(' http://127.0.0.1:4010/api/3// ')).toBe('http://127.0.0.1:4010/api/3');
    expect(parseApiUrl('https://proxy.example/api/3')).toBe('https://proxy.example/api/3');
  });

  it.each([
    ['localhost:3000', "'localhost:3000' must be an http(s) URL"],
    ['ftp://example.com', "'ftp://example.com' must be an http(s) URL"],
    ['nope', "'nope' is not a URL"],
  ])('rejects %j with a message that starts with the value', (value, message) => {
    expect(() => parseApiUrl(value)).toThrow(InvalidInputError);
    expect(() => parseApiUrl(value)).toThrow(message);
  });
});
