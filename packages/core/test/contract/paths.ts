/** Leaf paths of a documented answer worth drifting: top level, pagination, one record. */
export function fieldPaths(body: Record<string, unknown>): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    paths.push(key);
    const inner = Array.isArray(value) ? value[0] : value;
    const prefix = Array.isArray(value) ? `${key}.0` : key;
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      for (const field of Object.keys(inner)) paths.push(`${prefix}.${field}`);
    }
  }
  return paths;
}

export function getAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], value);
}

/** A deep copy of `body` with the field at `path` removed or replaced. */
export function drifted(body: unknown, path: string, change: 'remove' | { to: unknown }): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce<Record<string, unknown>>(
    (v, k) => v[k] as Record<string, unknown>,
    copy,
  );
  if (change === 'remove') delete parent[last];
  else parent[last] = change.to;
  return copy;
}

/** A value of another type than the documented one (an object where null was documented). */
export function unexpectedValue(documented: unknown): unknown {
  if (documented === null) return { unexpected: true };
  if (Array.isArray(documented)) return 'not a list';
  switch (typeof documented) {
    case 'string':
      return 42;
    case 'number':
      return 'forty-two';
    case 'boolean':
      return 'yes';
    default:
      return 'not an object';
  }
}

/** How ResponseValidationError messages print a path (describeIssues: indexes as `[]`). */
export function printedPath(path: string): string {
  return path
    .split('.')
    .map((k, i) => (/^\d+$/.test(k) ? '[]' : `${i === 0 ? '' : '.'}${k}`))
    .join('');
}
