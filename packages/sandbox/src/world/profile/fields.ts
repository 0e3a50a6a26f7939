import type { BackupRecord, StackRecord } from '../model.js';

/**
 * Which fields the API serves. `documented`: exactly the fields of Cloud 66's own examples
 * (what every suite and the demo meet by default). `full`: those plus every field api-notes
 * names that only the Go client knows, so clients are tested against both.
 */
export const SANDBOX_PROFILES = ['documented', 'full'] as const;
export type SandboxProfile = (typeof SANDBOX_PROFILES)[number];

export function isSandboxProfile(value: unknown): value is SandboxProfile {
  return (SANDBOX_PROFILES as readonly unknown[]).includes(value);
}

/** The keys of Cloud 66's stack example (`GET /stacks`, `GET /stacks/:uid`), in its order. */
export const DOCUMENTED_STACK_FIELDS = [
  'uid',
  'name',
  'git',
  'git_branch',
  'environment',
  'cloud',
  'fqdn',
  'language',
  'framework',
  'status',
  'health',
  'last_activity',
  'last_activity_iso',
  'maintenance_mode',
  'has_loadbalancer',
  'created_at',
  'updated_at',
  'deploy_directory',
  'cloud_status',
  'created_at_iso',
  'updated_at_iso',
  'redeploy_hook',
] as const satisfies readonly (keyof StackRecord)[];

/** Stack fields api-notes names beyond the example (the Go client's, and `is_busy`). */
export const EXTRA_STACK_FIELDS = [
  'backend',
  'version',
  'revision',
  'namespaces',
  'account_id',
  'account_name',
  'is_cluster',
  'is_inside_cluster',
  'cluster_name',
  'application_address',
  'configstore_namespace',
  'is_busy',
] as const satisfies readonly (keyof StackRecord)[];

/** The keys of Cloud 66's backup example (`GET .../backups/:id` and the list), in its order. */
export const DOCUMENTED_BACKUP_FIELDS = [
  'id',
  'server_uid',
  'db_type',
  'database_name',
  'file_base',
  'backup_date_iso',
  'backup_status',
  'backup_result',
  'restore_status',
  'restore_result',
  'created_at_iso',
  'updated_at_iso',
  'verify_status',
  'verify_result',
  'storage_path',
  'skip_tables',
  'backup_size',
] as const satisfies readonly (keyof BackupRecord)[];

/** Backup fields api-notes adds to the documented ones. */
export const EXTRA_BACKUP_FIELDS = [
  'file_name',
  'logical_backup',
] as const satisfies readonly (keyof BackupRecord)[];

/** What a bare stack carries: what the toolkit cannot work without (docs/field-policy.md). */
export const REQUIRED_STACK_FIELDS = [
  'uid',
  'name',
  'environment',
] as const satisfies readonly (keyof StackRecord)[];

/** What a bare stack's backups carry: identity, type, outcome and the correlated dates. */
export const REQUIRED_BACKUP_FIELDS = [
  'id',
  'db_type',
  'backup_status',
  'backup_date_iso',
  'created_at_iso',
] as const satisfies readonly (keyof BackupRecord)[];
