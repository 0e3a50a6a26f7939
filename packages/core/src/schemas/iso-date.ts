import * as z from './zod.js';

/** An API `*_iso` timestamp (`2014-09-01T18:16:16Z`, offsets and fractions allowed) as a `Date`. */
export const isoDate = z.pipe(
  z.iso.datetime({ offset: true }),
  z.transform((text: string) => new Date(text)),
);
