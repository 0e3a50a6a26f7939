import { CronExpressionParser } from 'cron-parser';
import { InvalidInputError } from './errors/index.js';

/**
 * Checks a 5-field cron expression (minute hour day-of-month month day-of-week), the
 * format of a backup task's `frequency`. Returns it trimmed; throws an
 * {@link InvalidInputError} saying what is wrong.
 */
export function validateCron(expression: string): string {
  const trimmed = typeof expression === 'string' ? expression.trim() : '';
  const fields = trimmed.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) {
    throw new InvalidInputError(
      `invalid cron expression "${trimmed}": expected 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`,
    );
  }
  try {
    CronExpressionParser.parse(trimmed, { strict: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidInputError(`invalid cron expression "${trimmed}": ${reason}`);
  }
  return trimmed;
}
