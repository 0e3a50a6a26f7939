/** Thrown by the test controls (`sb.addBackups`, `sb.backupFiles`, ...) for an unknown id or a bad argument. */
export class SandboxError extends Error {
  readonly code:
    | 'SANDBOX_UNKNOWN_STACK'
    | 'SANDBOX_UNKNOWN_BACKUP'
    | 'SANDBOX_UNKNOWN_FILE'
    | 'SANDBOX_BAD_ARGUMENT';
  constructor(code: SandboxError['code'], message: string) {
    super(message);
    this.name = 'SandboxError';
    this.code = code;
  }
}
