import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsafeFileNameError } from '../errors/index.js';
import { pathInside, safeFileName } from './safe-file-name.js';

describe('safeFileName', () => {
  it.each([
    'test_db_11.tar',
    'x.tar-aa',
    'db backup 2026.tar',
    'données.tar',
    '.hidden.tar',
    'a..b.tar',
  ])('accepts %j', (name) => {
    expect(safeFileName(name)).toBe(name);
  });

  it.each([
    ['', 'empty'],
    ['../../x', 'path separator'],
    ['..', '".."'],
    ['.', '"."'],
    ['a/b.tar', 'path separator'],
    ['a\\b.tar', 'path separator'],
    ['/etc/passwd', 'path separator'],
    ['C:evil.tar', 'Windows forbids'],
    ['x.tar\u0000.txt', 'control characters'],
    ['x\n.tar', 'control characters'],
    ['CON', 'reserved device'],
    ['nul.tar', 'reserved device'],
    ['com1.tar', 'reserved device'],
    ['LPT9', 'reserved device'],
    ['x.tar.', 'ends with a dot'],
    ['x.tar ', 'ends with a dot or a space'],
    ['a'.repeat(256), 'longer than 255'],
  ])('rejects %j (%s)', (name, reason) => {
    let caught: unknown;
    try {
      safeFileName(name);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnsafeFileNameError);
    expect((caught as UnsafeFileNameError).code).toBe('UNSAFE_FILE_NAME');
    expect((caught as Error).message).toContain(reason);
  });
});

describe('pathInside', () => {
  it('joins a safe name as a direct child of the folder', () => {
    expect(pathInside('out', 'x.tar')).toBe(join(resolve('out'), 'x.tar'));
  });

  it('refuses traversal before touching the disk', () => {
    expect(() => pathInside('/tmp/out', '../../x')).toThrow(UnsafeFileNameError);
  });
});
