import { Cloud66Error, LocalFileError } from '../errors/index.js';

// What a person needs to read first: the cause, then the path.
const PLAIN_WORDS: Record<string, string> = {
  ENOSPC: 'disk full while writing',
  EDQUOT: 'disk quota exceeded while writing',
  EFBIG: 'file too large for this disk (its file system or a size limit) while writing',
  EACCES: 'permission denied: cannot write',
  EPERM: 'not permitted: cannot write',
  EROFS: 'read-only file system: cannot write',
  ENOENT: 'folder or drive not found: cannot write',
  ENOTDIR: 'a part of the path is not a folder: cannot write',
  EISDIR: 'a folder is in the way: cannot write',
  EIO: 'disk input/output error while writing',
  EMFILE: 'too many open files: cannot write',
  ENAMETOOLONG: 'path too long: cannot write',
};

/**
 * A file system failure (an `ENOSPC`, `EACCES`...) as a {@link LocalFileError} whose
 * message says what happened to which file; anything else is returned unchanged.
 */
export function localFileError(error: unknown, path: string, always = false): unknown {
  if (error instanceof Cloud66Error) return error;
  if (!(error instanceof Error)) {
    return always ? new LocalFileError(`writing ${path} failed`, { cause: error }) : error;
  }
  const errno = (error as NodeJS.ErrnoException).code;
  if (!always && !('syscall' in error)) return error;
  const words = errno !== undefined ? PLAIN_WORDS[errno] : undefined;
  const message = words
    ? `${words} ${path} (${errno})`
    : `writing ${path} failed: ${error.message}`;
  return new LocalFileError(message, { cause: error, ...(errno !== undefined && { errno }) });
}
