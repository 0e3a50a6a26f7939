/** A fault (from a test, a `--fault` flag or `C66_SANDBOX_FAULTS`) that cannot be injected. */
export class FaultSpecError extends Error {
  readonly code = 'SANDBOX_FAULT_SPEC';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FaultSpecError';
  }
}
