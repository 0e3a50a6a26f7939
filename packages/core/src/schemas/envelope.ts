import type { output, ZodMiniType } from 'zod/mini';
import { optionalField } from './optional-field.js';
import * as z from './zod.js';

/** `{ response: T }`: every single-object answer. */
export function objectEnvelope<T extends ZodMiniType>(item: T) {
  return z.looseObject({ response: item });
}

/**
 * Required: `next` (a page number, or null on the last page), the only way to know
 * whether more follows; without it a list could silently end early. `current` and
 * `pages` only sharpen the walk (the page asked for, and an unbounded walk, stand in);
 * the counts are for display.
 */
export const paginationSchema = z.looseObject({
  next: z.nullable(z.int()),
  previous: optionalField(z.int()),
  current: optionalField(z.int()),
  per_page: optionalField(z.int()),
  count: optionalField(z.int()),
  pages: optionalField(z.int()),
});

/** `{ response: T[], count, pagination }`: every list answer (`count` optional). */
export function listEnvelope<T extends ZodMiniType>(item: T) {
  return z.looseObject({
    response: z.array(item),
    count: optionalField(z.int()),
    pagination: paginationSchema,
  });
}

/** Cloud 66's error body: `{ error, error_description, details }`, each optional. */
export const errorBodySchema = z.looseObject({
  error: optionalField(z.string()),
  error_description: optionalField(z.string()),
  details: optionalField(z.string()),
});
export type ErrorBody = output<typeof errorBodySchema>;
