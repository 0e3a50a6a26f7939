import { parseDuration as parseCoreDuration } from '@c66-backup/core';
import { UsageError } from './usage-error.js';

/**
 * Parses `90`, `90s`, `30m`, `1.5h`, `2d` into milliseconds (a plain number means seconds),
 * through the core's parser; `flag` names the option in the error message.
 */
export function parseDuration(text: string, flag: string): number {
  try {
    return parseCoreDuration(text);
  } catch (error) {
    throw new UsageError(`${flag}: ${(error as Error).message}`, { cause: error });
  }
}
