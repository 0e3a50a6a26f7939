import type { ZodMiniType } from 'zod/mini';
import * as z from './zod.js';

/**
 * A field the toolkit can do without (docs/field-policy.md): it may be missing or null,
 * and a value of an unexpected type reads as missing (`undefined`) instead of failing the
 * whole answer: one drifted cosmetic field must not hide a stack or a backup.
 */
export function optionalField<T extends ZodMiniType>(schema: T) {
  return z.catch(z.nullish(schema), undefined);
}
