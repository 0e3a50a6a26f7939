import { InvalidInputError } from './errors/index.js';

const UNIT_MS: Record<string, number> = {
  '': 1000,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * `'45m'`, `'6h'`, `'2d'`, `'90s'`, `'1.5h'` -> milliseconds; a plain number means seconds.
 * One unit per value (no `1h30m`): the inputs are windows and timeouts, not stopwatches.
 * Anything else, zero or negative throws an {@link InvalidInputError} quoting the text.
 */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smhd]?)$/i.exec(text.trim());
  const value = match ? Number(match[1]) : Number.NaN;
  const ms = Math.round(value * (UNIT_MS[match?.[2]?.toLowerCase() ?? ''] ?? Number.NaN));
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new InvalidInputError(
      `'${text}' is not a positive duration such as 45m, 6h or 2d (units s, m, h, d; a plain number means seconds)`,
    );
  }
  return ms;
}
