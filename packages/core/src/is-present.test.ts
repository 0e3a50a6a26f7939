import { describe, expect, it } from 'vitest';
import { fieldText, isPresent } from './index.js';

describe('isPresent and fieldText', () => {
  it('treat missing, null, empty, non-finite and invalid dates as absent', () => {
    for (const absent of [
      undefined,
      null,
      '',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      new Date('x'),
    ]) {
      expect(isPresent(absent), String(absent)).toBe(false);
      expect(fieldText(absent)).toBeUndefined();
    }
  });

  it('keep every real value, falsy ones included, and format it', () => {
    for (const present of [0, false, 'x', ' ', [], {}, new Date(0)]) {
      expect(isPresent(present), JSON.stringify(present)).toBe(true);
    }
    expect(fieldText(0)).toBe('0');
    expect(fieldText(false)).toBe('false');
    expect(fieldText(new Date(0), (d) => d.toISOString())).toBe('1970-01-01T00:00:00.000Z');
    expect(fieldText<number>(null, (n) => n.toFixed(2))).toBeUndefined();
  });
});
