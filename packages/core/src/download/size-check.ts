import { IntegrityError } from '../errors/index.js';

/**
 * Fails as soon as the sizes the file host declares cannot add up to the expected total
 * (`backup_size`): `length` bytes declared at `offset` (the joined size so far), the
 * last part's exactly, any other's not past it. Nothing to check without a total.
 */
export function checkDeclaredSize(
  expectedTotal: number | undefined,
  offset: number,
  length: number,
  isLast: boolean,
  part?: string,
): void {
  if (expectedTotal === undefined) return;
  const end = offset + length;
  if (end > expectedTotal || (isLast && end !== expectedTotal)) {
    const where = part ? ` (${JSON.stringify(part)} declares ${length} bytes)` : '';
    throw new IntegrityError(
      `the file host declares ${end} bytes${isLast ? '' : ' so far'}${where} but the backup should be ${expectedTotal} bytes (backup_size): nothing was downloaded past this`,
      'total',
      part,
      expectedTotal,
      end,
    );
  }
}
