/** Bad command-line input, found before any request: exit code 2. */
export class UsageError extends Error {
  readonly code = 'usage';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}
