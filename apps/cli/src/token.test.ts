import { describe, expect, it } from 'vitest';
import { readToken } from './token.js';
import { UsageError } from './usage-error.js';

const files = (map: Record<string, string>) => async (path: string) => {
  const text = map[path];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return text;
};

describe('readToken', () => {
  it('reads C66_TOKEN, trimmed', async () => {
    await expect(
      readToken(undefined, { env: { C66_TOKEN: ' abc\n' }, readFile: files({}) }),
    ).resolves.toBe('abc');
  });

  it('prefers --token-file over C66_TOKEN and trims the file', async () => {
    const deps = { env: { C66_TOKEN: 'env' }, readFile: files({ '/t': 'from-file\n' }) };
    await expect(readToken('/t', deps)).resolves.toBe('from-file');
  });

  it('says how to give a token when there is none', async () => {
    const attempt = readToken(undefined, { env: { C66_TOKEN: '  ' }, readFile: files({}) });
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(/set C66_TOKEN or pass --token-file/);
  });

  it('names an unreadable or empty token file without printing its contents', async () => {
    await expect(readToken('/missing', { env: {}, readFile: files({}) })).rejects.toThrow(
      "cannot read --token-file '/missing' (ENOENT)",
    );
    await expect(
      readToken('/empty', { env: {}, readFile: files({ '/empty': '\n' }) }),
    ).rejects.toThrow("--token-file '/empty' is empty");
  });
});
