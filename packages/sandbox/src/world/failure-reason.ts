import type { DbType } from './model.js';

const FAILURE_REASONS: Record<DbType, string[]> = {
  mysql: [
    'mysqldump: Got error: 2013: Lost connection to MySQL server during query when dumping table `orders` at row: 48213',
    "mysqldump: Error: 'Access denied; you need (at least one of) the PROCESS privilege(s) for this operation' when trying to dump tablespaces",
  ],
  postgresql: [
    'pg_dump: error: connection to server at "10.0.1.12", port 5432 failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections',
    'pg_dump: error: could not write to output file: No space left on device',
  ],
  redis: [
    'Background saving error: MISCONF Redis is configured to save RDB snapshots, but it is currently not able to persist on disk',
  ],
  mongodb: [
    'Failed: error connecting to db server: server selection error: server selection timeout, current topology: { Type: Single, Servers: [{ Addr: 10.0.1.14:27017, Type: Unknown }] }',
  ],
};

/** A realistic `backup_result` for a failed backup of this type. */
export function failureReason(dbType: DbType, salt: number): string {
  const reasons = FAILURE_REASONS[dbType];
  return reasons[salt % reasons.length] ?? 'backup failed';
}
