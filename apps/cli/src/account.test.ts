import { describe, expect, it } from 'vitest';
import { resolveAccount } from './account.js';
import { UsageError } from './usage-error.js';

describe('resolveAccount', () => {
  it('is --account, else C66_ACCOUNT, else none', () => {
    expect(resolveAccount('12', { env: { C66_ACCOUNT: '34' } })).toBe('12');
    expect(resolveAccount(undefined, { env: { C66_ACCOUNT: ' 34\n' } })).toBe('34');
    expect(resolveAccount(undefined, { env: { C66_ACCOUNT: '  ' } })).toBeUndefined();
    expect(resolveAccount(undefined, { env: {} })).toBeUndefined();
  });

  it('refuses anything but digits, naming where it came from', () => {
    expect(() => resolveAccount('acme', { env: {} })).toThrow(UsageError);
    expect(() => resolveAccount('acme', { env: {} })).toThrow(
      "--account must be a Cloud 66 account ID (digits), got 'acme'",
    );
    expect(() => resolveAccount(undefined, { env: { C66_ACCOUNT: '1\r\nX-Evil: 1' } })).toThrow(
      /^C66_ACCOUNT must be/,
    );
  });
});
