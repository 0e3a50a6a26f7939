export { profileFromEnv } from './cli/cli-values.js';
export type { InjectedFault } from './faults/fault-registry.js';
export { parseFaultFlag, parseFaultsJson } from './faults/fault-spec.js';
export { FaultSpecError } from './faults/fault-spec-error.js';
export type { Fault, FaultKind, FaultMatch, FaultRoute } from './faults/fault-types.js';
export { FAULT_KINDS, FAULT_ROUTES, REDIRECT_STATUSES } from './faults/fault-types.js';
export { DEFAULTS, SandboxOptionError, type SandboxOptions } from './server/options.js';
export type { RecordedRequest } from './server/request-log.js';
export type { Sandbox } from './server/sandbox.js';
export { startSandbox } from './server/start-sandbox.js';
export type {
  AddBackupsOptions,
  BackupFileInfo,
  CreateStackOptions,
  ScheduleOptions,
} from './world/controls/control-options.js';
export { SandboxError } from './world/controls/sandbox-error.js';
export type { OutcomeOverride } from './world/lifecycle/lifecycle.js';
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
} from './world/model.js';
export { DB_TYPES } from './world/model.js';
export {
  DOCUMENTED_BACKUP_FIELDS,
  DOCUMENTED_STACK_FIELDS,
  EXTRA_BACKUP_FIELDS,
  EXTRA_STACK_FIELDS,
  REQUIRED_BACKUP_FIELDS,
  REQUIRED_STACK_FIELDS,
  SANDBOX_PROFILES,
  type SandboxProfile,
} from './world/profile/fields.js';
export { BARE_STACK_NAME, BULK_STACK_NAME, SEED_ANCHOR } from './world/seed/seed.js';
export { FRESHNESS_STACKS } from './world/seed/seed-freshness.js';
