import { isPresent } from '@c66-backup/core';

/** The present parts joined (`mysql · shop_production`, or just `mysql`). */
export function joinFields(
  parts: readonly (string | null | undefined)[],
  separator = ' · ',
): string {
  return parts.filter(isPresent).join(separator);
}
