/**
 * A field as text, or `undefined` when the server did not send it (missing, null, empty, not
 * a finite number, an invalid date). Cloud 66 documents few fields, so the summary shows a
 * dash, the outputs an empty string and the log leaves the field out.
 */
export function fieldText<T>(
  value: T | null | undefined,
  format: (v: T) => string = String,
): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  if (value instanceof Date && Number.isNaN(value.getTime())) return undefined;
  return format(value);
}
