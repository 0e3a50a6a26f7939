import { Cloud66Error } from './cloud66-error.js';

/** Bad input from the caller (db types, cron expression, options): nothing was sent. */
export class InvalidInputError extends Cloud66Error {
  override readonly code = 'INVALID_INPUT';
}
