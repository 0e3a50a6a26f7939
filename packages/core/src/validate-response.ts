import type * as z from 'zod/mini';
import { ResponseValidationError } from './errors/index.js';

/** Distinct issues shown; the rest are counted. */
const MAX_ISSUES = 10;

/**
 * Parses and validates a 2xx body. A failure names the endpoint and lists zod's issues
 * (paths and expectations), never the body itself: it may hold URLs or personal data.
 */
export function validateResponse<S extends z.ZodMiniType>(
  endpoint: string,
  schema: S,
  text: string,
  context: { requestId: string; status: number },
): z.output<S> {
  const options = { ...context, endpoint };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ResponseValidationError(`${endpoint} answered with a body that is not JSON`, options);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new ResponseValidationError(
    `${endpoint} answered with an unexpected shape:\n${describeIssues(parsed.error.issues)}`,
    options,
  );
}

/**
 * One line per distinct issue, array indexes folded (`response[].id`, 30 times), since
 * a drifted list repeats the same issue on every record.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const groups = new Map<string, { message: string; path: string; count: number }>();
  for (const issue of issues) {
    const path = formatPath(issue.path);
    const key = `${path}\u0000${issue.message}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { message: issue.message, path, count: 1 });
  }
  const all = [...groups.values()];
  const lines = all.slice(0, MAX_ISSUES).map((g) => {
    const times = g.count > 1 ? ` (${g.count} times)` : '';
    return `✖ ${g.message}\n  → at ${g.path || '(root)'}${times}`;
  });
  if (all.length > MAX_ISSUES) lines.push(`(and ${all.length - MAX_ISSUES} more issues)`);
  return lines.join('\n');
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number' ? '[]' : `${i === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}
