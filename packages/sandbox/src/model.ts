/** Database types Cloud 66 backs up. */
export const DB_TYPES = ['mysql', 'postgresql', 'redis', 'mongodb'] as const;
export type DbType = (typeof DB_TYPES)[number];

export function isDbType(value: string): value is DbType {
  return (DB_TYPES as readonly string[]).includes(value);
}

/** A stack as `GET /stacks/:uid` returns it. */
export interface Stack {
  uid: string;
  name: string;
  environment: string;
  account_id: number;
  account_name: string;
  git: string;
  git_branch: string;
  cloud: string;
  fqdn: string;
  language: string;
  framework: string;
  status: number;
  health: number;
  maintenance_mode: boolean;
  is_busy: boolean;
  created_at: string;
  created_at_iso: string;
  updated_at: string;
  updated_at_iso: string;
  last_activity: string;
  last_activity_iso: string;
  redeploy_hook: string | null;
  application_address: string | null;
  is_cluster: boolean;
  cluster_name: string | null;
  namespaces: string[];
}

/** A backup as `GET /stacks/:uid/backups/:id` returns it. */
export interface Backup {
  id: number;
  server_uid: string;
  db_type: DbType;
  database_name: string;
  file_base: string;
  backup_date_iso: string;
  backup_status: number;
  backup_result: string;
  restore_status: number;
  restore_result: string | null;
  created_at_iso: string;
  updated_at_iso: string;
  verify_status: number;
  verify_result: string | null;
  storage_path: string;
  skip_tables: string;
  backup_size: number;
  file_name: string;
  logical_backup: boolean | null;
}

/** A file of a backup as `GET .../files` lists it. */
export interface BackupFile {
  id: string;
  name: string;
}

/** A backup plus what the sandbox needs to serve its files. */
/**
 * Server-side encryption of a stored object, as S3 reports it: `AES256` (SSE-S3, the
 * ETag is still the MD5), `aws:kms` (SSE-KMS) or `sse-c` (customer key); with the
 * last two the ETag is not the MD5 of the bytes.
 */
export type ObjectEncryption = 'AES256' | 'aws:kms' | 'sse-c';

export interface StoredBackup {
  api: Backup;
  stackUid: string;
  group: number;
  /** Bytes actually served: `backup_size`, or a made-up size when the API reports 0. */
  contentSize: number;
  /** Name of the dump inside the tar archive. */
  innerName: string;
}

/** A backup task registered by `POST /stacks/:uid/backups`. */
export interface BackupTask {
  stackUid: string;
  dbType: DbType;
  group: number;
  frequency: string | null;
  keepCount: number | null;
  gzip: boolean;
  excludedTables: string | null;
  runOnReplicaServer: boolean;
  createdAt: string;
}

/** A backup group: Cloud 66 keeps one per database of a stack. */
export interface BackupGroup {
  group: number;
  dbType: DbType;
}

export type BackupOutcome = 'ok' | 'failed';
