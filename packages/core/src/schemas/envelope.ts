import { z } from 'zod';

/** `{ response: T }`: every single-object answer. */
export function objectEnvelope<T extends z.ZodType>(item: T) {
  return z.object({ response: item }).loose();
}

export const paginationSchema = z
  .object({
    previous: z.number().int().nullable(),
    next: z.number().int().nullable(),
    current: z.number().int(),
    per_page: z.number().int(),
    count: z.number().int(),
    pages: z.number().int(),
  })
  .loose();

/** `{ response: T[], count, pagination }`: every list answer. */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return z
    .object({ response: z.array(item), count: z.number().int(), pagination: paginationSchema })
    .loose();
}

/** Cloud 66's error body: `{ error, error_description, details }` (each optional). */
export const errorBodySchema = z
  .object({
    error: z.string().optional(),
    error_description: z.string().nullable().optional(),
    details: z.string().nullable().optional(),
  })
  .loose();
export type ErrorBody = z.infer<typeof errorBodySchema>;
