/**
 * Whether an optional field carries something to show. The field policy
 * (docs/field-policy.md) makes every non-required field optional and nullable, and Cloud 66's
 * own examples send `""` for empty texts, so `undefined`, `null` and `''` are absent (as is a
 * non-finite number or an invalid date, which the schemas never produce). In the false branch
 * an empty string is still possible: this tells apps what to render, it is not validation.
 */
export function isPresent<T>(value: T | null | undefined): value is T {
  if (value === null || value === undefined || value === '') return false;
  if (typeof value === 'number') return Number.isFinite(value);
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  return true;
}

/**
 * An optional field as text (`format`, default `String`), or `undefined` when it is absent
 * (see {@link isPresent}): apps show a dash or leave the field out, never `null`/`undefined`.
 */
export function fieldText<T>(
  value: T | null | undefined,
  format: (value: T) => string = String,
): string | undefined {
  return isPresent(value) ? format(value) : undefined;
}
