// Every error class the core throws, one hierarchy under Cloud66Error. `httpError` (the
// status-to-class map) is left out on purpose: it needs the schemas, and this barrel stays light.
export {
  ApiError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ThrottledError,
  TrialExpiredError,
  UnauthenticatedError,
} from './api-status-errors.js';
export { Cloud66Error, type Cloud66ErrorOptions } from './cloud66-error.js';
export {
  BackupPartsError,
  CallbackError,
  DownloadFailedError,
  DownloadStalledError,
  FileHostError,
  FileHostRedirectError,
  type IntegrityCheck,
  IntegrityError,
  PartInUseError,
  type PartLockHolder,
  type RedirectProblem,
  TargetExistsError,
  TruncatedBodyError,
  UnsafeFileNameError,
} from './download-errors.js';
export { InvalidInputError } from './invalid-input-error.js';
export { LocalFileError } from './local-file-error.js';
export { ResponseValidationError } from './response-validation-error.js';
export { AmbiguousStackError, type StackCandidate, StackNotFoundError } from './stack-errors.js';
export { AbortedError, NetworkError, TimeoutError } from './transport-errors.js';
export { UnknownDbTypesError, unknownDbTypes } from './unknown-db-types-error.js';
export { BackupFailedError, type BackupFailedOptions, WaitTimeoutError } from './wait-errors.js';
