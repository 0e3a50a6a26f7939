import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time.js';

const now = Date.UTC(2026, 0, 15, 12, 0, 0);
const ago = (ms: number) => relativeTime(new Date(now - ms), now);

describe('relativeTime', () => {
  it.each([
    [10_000, 'just now'],
    [5 * 60_000, '5 minutes ago'],
    [3 * 3_600_000, '3 hours ago'],
    [26 * 3_600_000, 'yesterday'],
    [3 * 86_400_000, '3 days ago'],
    [14 * 86_400_000, '2 weeks ago'],
    [65 * 86_400_000, '2 months ago'],
    [800 * 86_400_000, '2 years ago'],
    [-2 * 3_600_000, 'in 2 hours'],
  ])('%d ms ago reads "%s"', (ms, text) => {
    expect(ago(ms)).toBe(text);
  });
});
