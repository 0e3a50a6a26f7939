import { describe, expect, it } from 'vitest';
import { formatAge, InvalidInputError, parseDuration } from './index.js';

describe('parseDuration', () => {
  it.each([
    ['45m', 2_700_000],
    ['6h', 21_600_000],
    ['2d', 172_800_000],
    ['90s', 90_000],
    ['90', 90_000],
    ['1.5h', 5_400_000],
    [' 26H ', 93_600_000],
  ])('%j -> %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '0', '0h', '-5m', '2w', 'soon', '1h30m', 'h'])('rejects %j, quoting it', (text) => {
    expect(() => parseDuration(text)).toThrow(InvalidInputError);
    expect(() => parseDuration(text)).toThrow(`'${text}' is not a positive duration`);
  });
});

describe('formatAge', () => {
  it.each([
    [-5000, '0s'],
    [45_000, '45s'],
    [12 * 60_000 + 59_000, '12m'],
    [6 * 3_600_000 + 5 * 60_000, '6h 05m'],
    [2 * 86_400_000 + 3 * 3_600_000 + 59 * 60_000, '2d 03h'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});
