import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.js';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [-5_000, '0s'],
    [499, '0s'],
    [6_700, '7s'],
    [45_000, '45s'],
    [59_600, '1m 00s'],
    [185_000, '3m 05s'],
    [1_800_000, '30m 00s'],
    [3_720_000, '1h 02m'],
    [90_061_000, '25h 01m'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
