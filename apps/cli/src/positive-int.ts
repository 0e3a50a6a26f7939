import { UsageError } from './usage-error.js';

/** Parses a whole number >= `min` given to `flag`, or throws a usage error naming the flag. */
export function parsePositiveInt(text: string, flag: string, min = 1): number {
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${flag} must be a whole number of at least ${min}, got '${text}'`);
  }
  return value;
}
