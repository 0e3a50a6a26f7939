import {
  AmbiguousStackError,
  BackupFailedError,
  Cloud66Error,
  errorHint,
  InvalidInputError,
  StackNotFoundError,
  UnauthenticatedError,
  UnknownDbTypesError,
  WaitTimeoutError,
} from '@c66-backup/core';
import { CommanderError } from 'commander';
import { NotFreshError } from './commands/check/not-fresh-error.js';
import type { OutputStream } from './deps.js';
import { ExitCode } from './exit-codes.js';
import { UsageError } from './usage-error.js';

/**
 * Prints one `error:` line (plus a `hint:` where one helps, and the stack with `--debug`)
 * and returns the exit code for `error`. Core errors never carry the token or a presigned
 * URL, so their messages are safe to print.
 */
export function reportError(
  error: unknown,
  opts: { stderr: OutputStream; debug: boolean; interrupted: boolean },
): ExitCode {
  const write = (line: string) => opts.stderr.write(`${line}\n`);
  if (opts.interrupted) {
    write('error: interrupted');
    if (opts.debug) writeDebug(error, write);
    return ExitCode.interrupted;
  }
  if (error instanceof CommanderError) {
    // Commander has already printed its own `error: ...` line.
    return ExitCode.usage;
  }
  // One line: a long explanation (e.g. every schema mismatch of a response) is for --debug.
  const [first, ...details] = messageOf(error).split('\n');
  write(`error: ${details.length > 0 ? first?.replace(/:\s*$/, '') : first}`);
  const hint =
    hintFor(error) ??
    (details.length > 0 && !opts.debug ? 'run with --debug for the details' : undefined);
  if (hint) write(`hint: ${hint}`);
  if (opts.debug) writeDebug(error, write);
  return exitCodeFor(error);
}

/** Maps an error to its documented exit code. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError || error instanceof InvalidInputError) return ExitCode.usage;
  // The stack named on the command line does not exist or is ambiguous: fix the command.
  if (error instanceof StackNotFoundError || error instanceof AmbiguousStackError) {
    return ExitCode.usage;
  }
  // `--db-type all --wait` on a stack without backups: name the db types instead.
  if (error instanceof UnknownDbTypesError) return ExitCode.usage;
  // A backup that failed on Cloud 66: waited for, or asked to download (the core refuses).
  if (error instanceof BackupFailedError) return ExitCode.backupFailed;
  if (error instanceof WaitTimeoutError) return ExitCode.timeout;
  if (error instanceof NotFreshError) return ExitCode.notFresh;
  return ExitCode.failure;
}

function hintFor(error: unknown): string | undefined {
  // The core knows what a 401, 403 or throttled answer means; the CLI knows where the token came from.
  if (error instanceof UnauthenticatedError) {
    return `check C66_TOKEN (or the file given to --token-file): ${errorHint(error)}`;
  }
  if (error instanceof AmbiguousStackError) {
    return 'pass the stack UID, or add --environment';
  }
  if (error instanceof WaitTimeoutError) {
    return 'Cloud 66 may still finish the backup: look for it later with `c66-backup backups list`';
  }
  return errorHint(error);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function writeDebug(error: unknown, write: (line: string) => void): void {
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (current instanceof Error) {
      write(`${depth === 0 ? '' : 'caused by: '}${current.stack ?? current.message}`);
      if (current instanceof Cloud66Error && current.requestId) {
        write(`request id: ${current.requestId}`);
      }
      current = current.cause;
    } else {
      write(`caused by: ${String(current)}`);
      current = undefined;
    }
  }
}
