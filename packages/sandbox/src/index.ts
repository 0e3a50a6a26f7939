export { profileFromEnv } from './cli-values.js';
export type { InjectedFault } from './fault-registry.js';
export { parseFaultFlag, parseFaultsJson } from './fault-spec.js';
export type { Fault, FaultKind, FaultMatch, FaultRoute } from './fault-types.js';
export { FAULT_KINDS, FAULT_ROUTES, FaultSpecError, REDIRECT_STATUSES } from './fault-types.js';
export {
  DOCUMENTED_BACKUP_FIELDS,
  DOCUMENTED_STACK_FIELDS,
  EXTRA_BACKUP_FIELDS,
  EXTRA_STACK_FIELDS,
  REQUIRED_BACKUP_FIELDS,
  REQUIRED_STACK_FIELDS,
  SANDBOX_PROFILES,
  type SandboxProfile,
} from './fields.js';
export type { OutcomeOverride } from './lifecycle.js';
export type {
  Backup,
  BackupFile,
  BackupGroup,
  BackupOutcome,
  BackupTask,
  DbType,
  FieldSet,
  ObjectEncryption,
  Stack,
} from './model.js';
export { DB_TYPES } from './model.js';
export { DEFAULTS, SandboxOptionError, type SandboxOptions } from './options.js';
export type { RecordedRequest } from './request-log.js';
export { startSandbox } from './sandbox.js';
export type {
  AddBackupsOptions,
  BackupFileInfo,
  CreateStackOptions,
  Sandbox,
  ScheduleOptions,
} from './sandbox-types.js';
export { SandboxError } from './sandbox-types.js';
export { BARE_STACK_NAME, BULK_STACK_NAME, SEED_ANCHOR } from './seed.js';
export { FRESHNESS_STACKS } from './seed-freshness.js';
