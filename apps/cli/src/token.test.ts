import { describe, expect, it } from 'vitest';
import { readToken, STDIN } from './token.js';
import { UsageError } from './usage-error.js';

const noStdin = () => Promise.reject(new Error('stdin is not used here'));
const files = (map: Record<string, string>) => async (path: string) => {
  const text = map[path];
  if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return text;
};

describe('readToken', () => {
  it('reads C66_TOKEN, trimmed', async () => {
    await expect(
      readToken(undefined, {
        env: { C66_TOKEN: ' abc\n' },
        readFile: files({}),
        readStdin: noStdin,
      }),
    ).resolves.toBe('abc');
  });

  it('prefers --token-file over C66_TOKEN and trims the file', async () => {
    const deps = {
      env: { C66_TOKEN: 'env' },
      readFile: files({ '/t': 'from-file\n' }),
      readStdin: noStdin,
    };
    await expect(readToken('/t', deps)).resolves.toBe('from-file');
  });

  it('says how to give a token when there is none', async () => {
    const attempt = readToken(undefined, {
      env: { C66_TOKEN: '  ' },
      readFile: files({}),
      readStdin: noStdin,
    });
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(/set C66_TOKEN or pass --token-file/);
  });

  it('names an unreadable or empty token file without printing its contents', async () => {
    await expect(
      readToken('/missing', { env: {}, readFile: files({}), readStdin: noStdin }),
    ).rejects.toThrow("cannot read --token-file '/missing' (ENOENT)");
    await expect(
      readToken('/empty', { env: {}, readFile: files({ '/empty': '\n' }), readStdin: noStdin }),
    ).rejects.toThrow("--token-file '/empty' is empty");
  });

  it('`--token-file -` reads standard input, trimmed, and never a file named -', async () => {
    const deps = {
      env: { C66_TOKEN: 'env' },
      readFile: files({ '-': 'a file named dash' }),
      readStdin: async () => ' piped-token\n',
    };
    await expect(readToken(STDIN, deps)).resolves.toBe('piped-token');
  });

  it('names standard input when it is empty or cannot be read', async () => {
    const empty = { env: {}, readFile: files({}), readStdin: async () => '\n' };
    await expect(readToken(STDIN, empty)).rejects.toThrow('--token-file standard input is empty');
    const terminal = {
      env: {},
      readFile: files({}),
      readStdin: () => Promise.reject(Object.assign(new Error('tty'), { code: 'a terminal' })),
    };
    await expect(readToken(STDIN, terminal)).rejects.toThrow(
      'cannot read --token-file standard input (a terminal)',
    );
  });
});
