import { type Client, DB_TYPES, type DbType, snapshotLatestBackups } from '@c66-backup/core';

/**
 * The db types a stack already has backups of: what `--db-type all --wait` waits for.
 * Cloud 66 expands `all` to the stack's databases server-side but never says which they
 * are, and the core's wait needs explicit types. A stack whose database was never backed
 * up is missed here; the error then asks for an explicit `--db-type`.
 */
export async function dbTypesWithBackups(
  client: Client,
  stackUid: string,
  signal: AbortSignal,
): Promise<DbType[]> {
  const snapshot = await snapshotLatestBackups(client, stackUid, DB_TYPES, { signal });
  return DB_TYPES.filter((type) => typeof snapshot.latestIds[type] === 'number');
}
