import { between, mix } from '../shared/random.js';
import { isoSeconds, storageStamp } from './dates.js';
import { failureReason } from './failure-reason.js';
import type { BackupOutcome, DbType, FieldSet, StoredBackup } from './model.js';

/** What a stack contributes to each of its backups. */
export interface StackContext {
  uid: string;
  seed: number;
  accountHash: string;
  /** `required`: a bare stack, whose backups carry only the required fields. */
  fields: FieldSet;
  serverUid(dbType: DbType): string;
  databaseName(dbType: DbType): string;
}

export interface BackupParams {
  id: number;
  group: number;
  dbType: DbType;
  /** When the dump started (`backup_date_iso`). */
  startedAt: number;
  /** When the record was written (`created_at_iso`). */
  finishedAt: number;
  outcome: BackupOutcome;
  result?: string;
  sizeBytes: number;
  verifyStatus?: number;
  verifyResult?: string | null;
  restoreStatus?: number;
  restoreResult?: string | null;
  skipTables?: string;
  logical?: boolean | null;
  fileName?: string;
  /** Timestamp of the `storage_path` folder (default `startedAt`). */
  storageAt?: number;
}

const INNER_EXTENSION: Record<DbType, string> = {
  mysql: 'sql',
  postgresql: 'dump',
  redis: 'rdb',
  mongodb: 'archive',
};

/** Builds a stored backup with every documented field. */
export function buildBackup(stack: StackContext, p: BackupParams): StoredBackup {
  const databaseName = stack.databaseName(p.dbType);
  const failed = p.outcome === 'failed';
  const size = failed ? 0 : p.sizeBytes;
  const verifyStatus = failed ? 0 : (p.verifyStatus ?? 0);
  const restoreStatus = failed ? 0 : (p.restoreStatus ?? 0);
  const fileName = p.fileName ?? `${databaseName}.tar`;
  return {
    stackUid: stack.uid,
    fields: stack.fields,
    group: p.group,
    // A backup the API reports as 0 bytes still has a file; its size is simply unknown.
    contentSize: size > 0 ? size : 512 * between(8, 4096, stack.seed, p.id, 7),
    innerName: p.dbType === 'redis' ? 'dump.rdb' : `${databaseName}.${INNER_EXTENSION[p.dbType]}`,
    api: {
      id: p.id,
      server_uid: stack.serverUid(p.dbType),
      db_type: p.dbType,
      database_name: databaseName,
      file_base: '',
      backup_date_iso: isoSeconds(p.startedAt),
      backup_status: failed ? 1 : 0,
      backup_result: failed ? (p.result ?? failureReason(p.dbType, mix(p.id))) : '',
      restore_status: restoreStatus,
      restore_result: restoreStatus === 0 ? null : (p.restoreResult ?? null),
      created_at_iso: isoSeconds(p.finishedAt),
      updated_at_iso: isoSeconds(p.finishedAt + (verifyStatus === 0 ? 0 : 600_000)),
      verify_status: verifyStatus,
      verify_result: verifyStatus === 0 ? null : (p.verifyResult ?? null),
      storage_path: `${stack.accountHash}/backups/${stack.uid}/${p.dbType}/${databaseName}/${storageStamp(p.storageAt ?? p.startedAt)}`,
      skip_tables: p.skipTables ?? '',
      backup_size: size,
      file_name: fileName,
      logical_backup: p.logical === undefined ? p.dbType !== 'redis' : p.logical,
    },
  };
}
