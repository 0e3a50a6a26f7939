import { describe, expect, it } from 'vitest';
import { pacedPollInterval } from './poll-interval.js';

describe('pacedPollInterval', () => {
  it('keeps an interval that is slow enough', () => {
    expect(pacedPollInterval(15_000, 4, 1_800_000)).toEqual({ ms: 15_000 });
  });

  it('raises one that would spend too much of the hourly budget, saying from what', () => {
    expect(pacedPollInterval(1000, 4, 1_800_000)).toEqual({ ms: 7200, raisedFromMs: 1000 });
    // A full 4-type wait at the raised pace stays well under 3,000 requests an hour.
    const { ms } = pacedPollInterval(1000, 4, 3_600_000);
    expect((3_600_000 / ms) * 4).toBeLessThanOrEqual(1000);
  });
});
