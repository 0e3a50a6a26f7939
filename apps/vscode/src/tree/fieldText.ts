/**
 * A field as text, or `undefined` when the server did not send it (missing, null, empty, not
 * a finite number, an invalid date). Cloud 66 documents few fields, so labels, descriptions
 * and tooltips leave out what is absent instead of showing `undefined` or `NaN`.
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

/** The present parts joined (`mysql · shop_production`, or just `mysql`). */
export function joinFields(parts: readonly (string | undefined)[], separator = ' · '): string {
  return parts.filter((p) => p !== undefined && p !== '').join(separator);
}
