import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';
import { UsageError } from './usage-error.js';

describe('parseDuration', () => {
  it.each([
    ['90', 90_000],
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['1h', 3_600_000],
    ['1.5h', 5_400_000],
    [' 2M ', 120_000],
  ])('%s -> %d ms', (text, ms) => {
    expect(parseDuration(text, '--timeout')).toBe(ms);
  });

  it('takes days too (the core parses every duration)', () => {
    expect(parseDuration('2d', '--max-age')).toBe(172_800_000);
  });

  it.each(['', '0', '-5m', '10w', 'soon', '1m30s', 'm'])('rejects %j naming the flag', (text) => {
    expect(() => parseDuration(text, '--timeout')).toThrow(UsageError);
    expect(() => parseDuration(text, '--timeout')).toThrow(
      `--timeout: '${text}' is not a positive duration`,
    );
  });
});
