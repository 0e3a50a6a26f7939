import { Cloud66Error } from './cloud66-error.js';

/** The answer does not match the documented schema; the message lists zod's issues, never the body. */
export class ResponseValidationError extends Cloud66Error {
  override readonly code = 'RESPONSE_VALIDATION';
}
