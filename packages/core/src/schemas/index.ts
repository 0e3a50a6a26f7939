// `@c66-backup/core/schemas`: the zod schemas behind the record types, for consumers that
// validate Cloud 66 JSON themselves (the client already validates every answer).

/**
 * Field policy (docs/field-policy.md): a field is required only when the toolkit cannot do
 * its job without it: a stack's `uid`, `name`, `environment`; a backup's `id`, `db_type`,
 * `backup_status`, `backup_date_iso`, `created_at_iso`; a file's `id` and `name`; a file
 * URL's `public_url`; a list's `response` and `pagination.next`. A missing or mistyped
 * required field fails the answer with a ResponseValidationError naming the endpoint and
 * the field. Every other field is optional and may be null (`optionalField`): of an
 * unexpected type it reads as missing. Unknown fields are kept (loose objects).
 */
export { type Backup, backupSchema } from './backup.js';
export {
  type BackupFile,
  backupFileSchema,
  backupFileUrlSchema,
  type QueuedResult,
  queuedResultSchema,
} from './backup-file.js';
export {
  ENDPOINT_SCHEMAS,
  type Endpoint,
  type EndpointBody,
  type GetEndpoint,
  type ListEndpoint,
} from './endpoints.js';
export {
  type ErrorBody,
  errorBodySchema,
  listEnvelope,
  objectEnvelope,
  paginationSchema,
} from './envelope.js';
export { isoDate } from './iso-date.js';
export { optionalField } from './optional-field.js';
export { type Stack, stackSchema } from './stack.js';
export {
  BACKUP_STATUS_NAMES,
  type BackupStatus,
  RESTORE_STATUS_NAMES,
  type RestoreStatus,
  STACK_HEALTH_NAMES,
  STACK_STATUS_NAMES,
  type StackHealth,
  type StackStatus,
  type Status,
  statusSchema,
  VERIFY_STATUS_NAMES,
  type VerifyStatus,
} from './status.js';
