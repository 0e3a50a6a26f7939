import type { REQUIRED_BACKUP_FIELDS, REQUIRED_STACK_FIELDS } from './profile/fields.js';

/** Database types Cloud 66 backs up. */
export const DB_TYPES = ['mysql', 'postgresql', 'redis', 'mongodb'] as const;
export type DbType = (typeof DB_TYPES)[number];

export function isDbType(value: string): value is DbType {
  return (DB_TYPES as readonly string[]).includes(value);
}

/**
 * Everything the sandbox knows of a stack: the fields of Cloud 66's documented example
 * plus those only the Go client knows (see fields.ts). What the API serves is a
 * projection of it ({@link Stack}), chosen by the profile and the stack's field set.
 */
export interface StackRecord {
  uid: string;
  name: string;
  environment: string;
  git: string;
  git_branch: string;
  cloud: string;
  fqdn: string;
  language: string;
  framework: string;
  status: number;
  health: number;
  last_activity: string;
  last_activity_iso: string;
  maintenance_mode: boolean;
  has_loadbalancer: boolean;
  created_at: string;
  updated_at: string;
  deploy_directory: string;
  cloud_status: string;
  created_at_iso: string;
  updated_at_iso: string;
  redeploy_hook: string | null;
  // Known only from the Go client (and `is_busy` from our own first reading).
  backend: string;
  version: string;
  revision: string;
  namespaces: string[];
  account_id: number;
  account_name: string;
  is_cluster: boolean;
  is_inside_cluster: boolean;
  cluster_name: string | null;
  application_address: string | null;
  configstore_namespace: string;
  is_busy: boolean;
}

/** A stack as `GET /stacks/:uid` serves it: the required fields, the rest per profile. */
export type Stack = Pick<StackRecord, (typeof REQUIRED_STACK_FIELDS)[number]> &
  Partial<StackRecord>;

/** Everything the sandbox knows of a backup: documented fields plus api-notes' extras. */
export interface BackupRecord {
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

/** A backup as `GET /stacks/:uid/backups/:id` serves it: the required fields, the rest per profile. */
export type Backup = Pick<BackupRecord, (typeof REQUIRED_BACKUP_FIELDS)[number]> &
  Partial<BackupRecord>;

/**
 * `all`: the profile decides which fields are served; `required`: only the fields the
 * toolkit cannot work without, whatever the profile (a "bare" stack and its backups).
 */
export type FieldSet = 'all' | 'required';

/** A file of a backup as `GET .../files` lists it. */
export interface BackupFile {
  id: string;
  name: string;
}

/**
 * Server-side encryption of a stored object, as S3 reports it: `AES256` (SSE-S3, the
 * ETag is still the MD5), `aws:kms` (SSE-KMS) or `sse-c` (customer key); with the
 * last two the ETag is not the MD5 of the bytes.
 */
export type ObjectEncryption = 'AES256' | 'aws:kms' | 'sse-c';

/** A backup plus what the sandbox needs to serve its files. */
export interface StoredBackup {
  api: BackupRecord;
  /** Inherited from the stack: a bare stack's backups carry only the required fields. */
  fields: FieldSet;
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
