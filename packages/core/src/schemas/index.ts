export { type Backup, backupSchema } from './backup.js';
export {
  type BackupFile,
  backupFileSchema,
  backupFileUrlSchema,
  type QueuedResult,
  queuedResultSchema,
} from './backup-file.js';
export { errorBodySchema, listEnvelope, objectEnvelope, paginationSchema } from './envelope.js';
export { isoDate } from './iso-date.js';
export { type Stack, stackSchema } from './stack.js';
export * from './status.js';
