import { Cloud66Error } from '@c66-backup/core';

/**
 * A one-line reason for a failure, fit for the tree and notifications. Core errors are
 * already free of tokens and presigned URLs; anything else is reduced to its message.
 */
export function describeError(error: unknown): string {
  if (error instanceof Cloud66Error) return error.message;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
