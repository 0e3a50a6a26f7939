import { z } from 'zod';

/** An API `*_iso` timestamp (`2014-09-01T18:16:16Z`, offsets and fractions allowed) as a `Date`. */
export const isoDate = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
