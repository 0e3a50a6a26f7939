/**
 * Turns a core record into what `--json` prints: dates become ISO strings, decoded statuses
 * (`{ code, name, label }`) become their name, so scripts compare plain strings. A field the
 * server left out or sent as null is left out (`jq .field` reads `null` either way), so no
 * record carries a `null` that merely means "not documented".
 */
export function toJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object') {
    if (isDecodedStatus(value)) return value.name;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([key, v]) => [key, toJson(v)]),
    );
  }
  return value;
}

function isDecodedStatus(value: object): value is { code: number; name: string; label: string } {
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'number' &&
    typeof v.name === 'string' &&
    typeof v.label === 'string' &&
    Object.keys(v).length === 3
  );
}
