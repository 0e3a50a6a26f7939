import type { Client } from './client.js';
import { DB_TYPES, type DbType } from './db-types.js';
import { type BackupSnapshot, snapshotLatestBackups } from './snapshot-latest-backups.js';

/**
 * What "all" means for one stack: the db types it already has backups of (the API has no
 * list of a stack's databases, and waiting for a type the stack lacks could only time out).
 * Returns the snapshot too, so a create-and-wait needs no second look.
 */
export async function dbTypesWithBackups(
  client: Client,
  stackUid: string,
  options: { signal?: AbortSignal; now?: () => number } = {},
): Promise<{ dbTypes: DbType[]; snapshot: BackupSnapshot }> {
  const snapshot = await snapshotLatestBackups(client, stackUid, DB_TYPES, options);
  const dbTypes = DB_TYPES.filter((t) => typeof snapshot.latestIds[t] === 'number');
  const latestIds = Object.fromEntries(dbTypes.map((t) => [t, snapshot.latestIds[t]]));
  return { dbTypes, snapshot: { ...snapshot, latestIds } };
}
