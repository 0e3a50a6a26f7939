import { Cron } from 'croner';
import { InvalidInputError } from './errors/index.js';

// croner (no dependencies, one small file) rather than cron-parser, which pulls in luxon:
// the two were about half of the core's import time, for a check that runs once per input.
// croner reports day and month as zero-based values; the ranges below are the user's.
const RANGES: Record<string, string> = {
  minute: '0-59',
  hour: '0-23',
  day: '1-31',
  month: '1-12 or jan-dec',
  dayOfWeek: '0-7 or sun-sat',
};

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
    // Without a callback croner only parses: nothing is scheduled.
    new Cron(trimmed);
  } catch (error) {
    throw new InvalidInputError(`invalid cron expression "${trimmed}": ${reason(error)}`, {
      cause: error,
    });
  }
  return trimmed;
}

function reason(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(
    /^CronPattern: /,
    '',
  );
  const field = /^Invalid value for (\w+)/.exec(message)?.[1];
  const range = field && RANGES[field];
  return range ? `${field} out of range (expected ${range})` : message;
}
