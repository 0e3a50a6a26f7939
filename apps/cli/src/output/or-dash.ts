import { fieldText, isPresent } from '@c66-backup/core';

/** What a table cell shows for a field the server left out or sent as null. */
export const DASH = '-';

/** `value` as text, or a dash when the server did not send it (the core's `isPresent`). */
export function orDash<T>(value: T | null | undefined, format: (v: T) => string = String): string {
  return fieldText(value, format) ?? DASH;
}

/** The parts that are present, joined: a sentence leaves out what the server did not send. */
export function joinPresent(parts: readonly unknown[], separator = ' '): string {
  return parts
    .filter(isPresent)
    .map((p) => String(p))
    .join(separator);
}
