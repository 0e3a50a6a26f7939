import { z } from 'zod';
import { optionalField } from './optional-field.js';

/** `{ response: T }`: every single-object answer. */
export function objectEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ response: item }).loose();
}

/**
 * Required: `next` (a page number, or null on the last page), the only way to know
 * whether more follows; without it a list could silently end early. `current` and
 * `pages` only sharpen the walk (the page asked for, and an unbounded walk, stand in);
 * the counts are for display.
 */
export const paginationSchema = z
  .object({
    next: z.number().int().nullable(),
    previous: optionalField(z.number().int()),
    current: optionalField(z.number().int()),
    per_page: optionalField(z.number().int()),
    count: optionalField(z.number().int()),
    pages: optionalField(z.number().int()),
  })
  .loose();

/** `{ response: T[], count, pagination }`: every list answer (`count` optional). */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return z
    .object({
      response: z.array(item),
      count: optionalField(z.number().int()),
      pagination: paginationSchema,
    })
    .loose();
}

/** Cloud 66's error body: `{ error, error_description, details }`, each optional. */
export const errorBodySchema = z
  .object({
    error: optionalField(z.string()),
    error_description: optionalField(z.string()),
    details: optionalField(z.string()),
  })
  .loose();
export type ErrorBody = z.infer<typeof errorBodySchema>;
