import { describe, expect, it } from 'vitest';
import { insecureApiUrl } from './insecure-api-url.js';

describe('insecureApiUrl', () => {
  it.each([
    ['https://app.cloud66.com/api/3', false],
    ['http://127.0.0.1:4010/api/3', false],
    ['http://localhost:4010/api/3', false],
    ['http://[::1]:4010/api/3', false],
    ['http://proxy.example.com/api/3', true],
    ['http://10.0.0.5/api/3', true],
    ['not a url', false],
  ])('%s -> %s', (url, insecure) => {
    expect(insecureApiUrl(url)).toBe(insecure);
  });
});
