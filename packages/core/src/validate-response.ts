import { prettifyError, z } from 'zod';
import { ResponseValidationError } from './errors.js';

/** A drifted page repeats the same issue on all 30 records: show the first few. */
const MAX_ISSUES = 10;

/**
 * Parses and validates a 2xx body. A failure names the endpoint and lists zod's issues
 * (paths and expectations), never the body itself: it may hold URLs or personal data.
 */
export function validateResponse<S extends z.ZodType>(
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
  const { issues } = parsed.error;
  const shown = prettifyError(new z.ZodError(issues.slice(0, MAX_ISSUES)));
  const more =
    issues.length > MAX_ISSUES ? `\n(and ${issues.length - MAX_ISSUES} more issues)` : '';
  throw new ResponseValidationError(
    `${endpoint} answered with an unexpected shape:\n${shown}${more}`,
    options,
  );
}
