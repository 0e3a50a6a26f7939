import type { Client } from './client.js';
import type { DbType } from './db-types.js';

/** The "before" picture: highest backup id per db type, and when it was taken. */
export interface BackupSnapshot {
  /** When the snapshot (or the create request that follows it) was made, by the local clock. */
  takenAt: Date;
  /** Highest backup id per requested db type; null when the type had no backup yet. */
  latestIds: Partial<Record<DbType, number | null>>;
  /**
   * The server's clock when it took the create request (its `Date` header), set by
   * `createBackupAndWait`: lets correlation compare server times with server times.
   */
  serverRequestedAt?: Date;
}

export interface SnapshotOptions {
  signal?: AbortSignal;
  now?: () => number;
}

/**
 * Reads page 1 of each db type's backups (newest first) and records the highest id, so a
 * later {@link waitForNewBackup} recognises the backups that appear afterwards.
 */
export async function snapshotLatestBackups(
  client: Client,
  stackUid: string,
  dbTypes: readonly DbType[],
  options: SnapshotOptions = {},
): Promise<BackupSnapshot> {
  const now = options.now ?? Date.now;
  const call = options.signal ? { signal: options.signal } : {};
  const entries = await Promise.all(
    dbTypes.map(async (dbType) => {
      const page = await client.backups.list(stackUid, { dbType, ...call }).page(1);
      const ids = page.items.filter((b) => b.db_type === dbType).map((b) => b.id);
      return [dbType, ids.length > 0 ? Math.max(...ids) : null] as const;
    }),
  );
  return { takenAt: new Date(now()), latestIds: Object.fromEntries(entries) };
}
