import { type Client, DB_TYPES, type DbType, snapshotLatestBackups } from '@c66-backup/core';

/** `db-type: all` on a stack whose databases cannot be told from its backups. */
export class UnknownDbTypesError extends Error {
  readonly code = 'UNKNOWN_DB_TYPES';
  constructor(stackName: string) {
    super(
      `db-type "all": stack "${stackName}" has no backups yet, and the Cloud 66 API does not list a stack's databases; name them in db-type (e.g. postgresql,redis)`,
    );
    this.name = 'UnknownDbTypesError';
  }
}

/**
 * What `db-type: all` means for one stack: the db types it already has backups of. The API
 * has no list of a stack's databases, and waiting for a type the stack lacks could only time
 * out (naming it explicitly is a 400), so the core's snapshot tells which types exist.
 */
export async function stackDbTypes(
  client: Client,
  stack: { uid: string; name: string },
  signal: AbortSignal | undefined,
): Promise<DbType[]> {
  const snapshot = await snapshotLatestBackups(
    client,
    stack.uid,
    DB_TYPES,
    signal ? { signal } : {},
  );
  const present = DB_TYPES.filter((dbType) => typeof snapshot.latestIds[dbType] === 'number');
  if (present.length === 0) throw new UnknownDbTypesError(stack.name);
  return present;
}
