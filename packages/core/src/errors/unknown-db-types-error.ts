import { Cloud66Error } from './cloud66-error.js';

/** `all` on a stack without any backup: the API cannot tell which databases it has. */
export class UnknownDbTypesError extends Cloud66Error {
  override readonly code = 'UNKNOWN_DB_TYPES';
}

/** The error for "all" on a stack with no backup yet. */
export function unknownDbTypes(stackLabel: string): UnknownDbTypesError {
  return new UnknownDbTypesError(
    `db type "all": stack ${stackLabel} has no backups yet, and the Cloud 66 API does not list a stack's databases; name them instead (e.g. postgresql,redis)`,
  );
}
