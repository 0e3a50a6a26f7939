import {
  AmbiguousStackError,
  ApiError,
  BackupFailedError,
  ForbiddenError,
  InvalidInputError,
  NetworkError,
  NotFoundError,
  StackNotFoundError,
  TimeoutError,
  UnauthenticatedError,
  UnknownDbTypesError,
  WaitTimeoutError,
} from '@c66-backup/core';
import { describe, expect, it } from 'vitest';
import { captureStream } from '../test/capture-stream.js';
import { NoBackupError } from './commands/backups/download/no-backup-error.js';
import { ExitCode } from './exit-codes.js';
import { exitCodeFor, reportError } from './report-error.js';
import { UsageError } from './usage-error.js';

const stderr = () => captureStream();

// A failed backup as the core decodes it; only the fields the error message uses matter.
const failedBackup = {
  id: 42,
  db_type: 'redis',
  backup_result: 'disk full',
} as unknown as ConstructorParameters<typeof BackupFailedError>[0];

describe('exitCodeFor', () => {
  it.each([
    [new UsageError('x'), ExitCode.usage],
    [new InvalidInputError('x'), ExitCode.usage],
    [new StackNotFoundError('x'), ExitCode.usage],
    [new AmbiguousStackError('x', []), ExitCode.usage],
    [new UnknownDbTypesError('x'), ExitCode.usage],
    [new BackupFailedError(failedBackup), ExitCode.backupFailed],
    [new WaitTimeoutError(['mysql'], {}, 1000), ExitCode.timeout],
    [new UnauthenticatedError('x', { status: 401 }), ExitCode.failure],
    [new NotFoundError('x', { status: 404 }), ExitCode.failure],
    [new ApiError('x', { status: 500 }), ExitCode.failure],
    [new NetworkError('x'), ExitCode.failure],
    [new TimeoutError('x'), ExitCode.failure],
    [new NoBackupError(undefined), ExitCode.failure],
    [new Error('a bug'), ExitCode.failure],
  ])('%s -> %d', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });
});

describe('reportError', () => {
  it('prints one error line and a hint; the stack only with debug', async () => {
    const out = stderr();
    const error = new UnauthenticatedError('the token was not accepted', { status: 401 });
    expect(reportError(error, { stderr: out.stream, debug: false, interrupted: false })).toBe(1);
    expect(out.text()).toBe(
      'error: the token was not accepted\nhint: check C66_TOKEN (or the file given to --token-file): the token is wrong or revoked\n',
    );
    const debug = stderr();
    reportError(new NetworkError('connection refused', { cause: new Error('ECONNREFUSED') }), {
      stderr: debug.stream,
      debug: true,
      interrupted: false,
    });
    expect(debug.text()).toMatch(
      /^error: connection refused\nNetworkError: connection refused\n\s+at /,
    );
    expect(debug.text()).toContain('caused by: Error: ECONNREFUSED');
  });

  it('says interrupted, exit 130, whatever error the abort caused', () => {
    const out = stderr();
    const code = reportError(new ForbiddenError('x'), {
      stderr: out.stream,
      debug: false,
      interrupted: true,
    });
    expect(code).toBe(130);
    expect(out.text()).toBe('error: interrupted\n');
  });

  it('turns a multi-line message into one line and points to --debug', () => {
    const out = stderr();
    reportError(new ApiError('bad answer:\n  detail 1\n  detail 2'), {
      stderr: out.stream,
      debug: false,
      interrupted: false,
    });
    expect(out.text()).toBe('error: bad answer\nhint: run with --debug for the details\n');
  });
});
