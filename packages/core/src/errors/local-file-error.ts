import { Cloud66Error, type Cloud66ErrorOptions } from './cloud66-error.js';

/**
 * Writing the file failed (disk full, permissions...): never retried. The message names
 * the cause in plain words ("disk full while writing ..."); `errno` is Node's code.
 */
export class LocalFileError extends Cloud66Error {
  override readonly code = 'LOCAL_FILE_ERROR';
  readonly errno?: string;
  constructor(message: string, options: Cloud66ErrorOptions & { errno?: string } = {}) {
    super(message, options);
    if (options.errno !== undefined) this.errno = options.errno;
  }
}
