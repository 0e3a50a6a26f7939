import { describe, expect, it } from 'vitest';
import { isInsecureApiUrl } from './is-insecure-api-url.js';

describe('isInsecureApiUrl', () => {
  it.each([
    ['https://app.cloud66.com/api/3', false],
    ['https://10.0.0.5/api/3', false],
    ['http://127.0.0.1:4010/api/3', false],
    ['http://127.8.9.10/api/3', false],
    ['http://127.1/api/3', false],
    ['http://localhost:4010/api/3', false],
    ['http://LOCALHOST./api/3', false],
    ['http://[::1]:4010/api/3', false],
    ['http://[0:0:0:0:0:0:0:1]/api/3', false],
    ['http://[::ffff:127.0.0.1]/api/3', false],
    ['http://proxy.example.com/api/3', true],
    ['http://10.0.0.5/api/3', true],
    ['http://128.0.0.1/api/3', true],
    ['http://localhost.example.com/api/3', true],
    ['http://127.0.0.1.example.com/api/3', true],
    ['http://[::2]/api/3', true],
    ['http://[::ffff:10.0.0.1]/api/3', true],
    ['not a url', false],
  ])('%s -> %s', (url, insecure) => {
    expect(isInsecureApiUrl(url)).toBe(insecure);
  });
});
