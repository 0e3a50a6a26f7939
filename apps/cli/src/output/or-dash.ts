/** What a table cell shows for a field the server left out or sent as null. */
export const DASH = '-';

/**
 * `value` as text, or a dash when the server did not send it (missing, null, empty, not a
 * finite number, an invalid date): Cloud 66 documents few fields, so any may be absent.
 */
export function orDash<T>(value: T | null | undefined, format: (v: T) => string = String): string {
  return isPresent(value) ? format(value) : DASH;
}

/** Whether a field carries something worth printing. */
export function isPresent<T>(value: T | null | undefined): value is T {
  if (value === null || value === undefined || value === '') return false;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return true;
}

/** The parts that are present, joined: a sentence leaves out what the server did not send. */
export function joinPresent(parts: readonly unknown[], separator = ' '): string {
  return parts
    .filter(isPresent)
    .map((p) => String(p))
    .join(separator);
}
