import type { Readable } from 'node:stream';
import type { Scope } from '../api/auth/tokens.js';
import type { FaultRegistry } from '../faults/fault-registry.js';
import type {
  AddBackupsOptions,
  BackupFileInfo,
  CreateStackOptions,
  ScheduleOptions,
} from '../world/controls/control-options.js';
import type { OutcomeOverride } from '../world/lifecycle/lifecycle.js';
import type {
  Backup,
  BackupGroup,
  BackupTask,
  DbType,
  ObjectEncryption,
  Stack,
} from '../world/model.js';
import type { SandboxProfile } from '../world/profile/fields.js';
import type { RecordedRequest } from './request-log.js';

/** A running sandbox (see docs/architecture.md, "Sandbox contract"). */
export interface Sandbox {
  /** `http://127.0.0.1:PORT/api/3`: the base URL for the core. */
  readonly apiUrl: string;
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string;
  readonly port: number;
  /** Which fields stacks and backups are served with (option `profile`). */
  readonly profile: SandboxProfile;
  /** Admin-scope token: create and import allowed. */
  readonly token: string;
  /** Public-scope token: 403 forbidden on create and import. */
  readonly readOnlyToken: string;
  /** Later requests with this token get 401 unauthenticated. */
  revokeToken(token: string): void;
  /** Accepts another token (e.g. a second user with its own rate-limit budget). */
  addToken(token: string, scope?: Scope): void;
  /** All stacks, API-shaped, in list order. */
  stacks(): Stack[];
  /** The backup groups of a stack (one per database; what `group` filters and imports use). */
  backupGroups(stackUid: string): BackupGroup[];
  /** Backup tasks registered by create requests. */
  backupTasks(stackUid: string): BackupTask[];
  createStack(opts: CreateStackOptions): Stack;
  /** Finished backups added now (newest ids), API-shaped, oldest first. */
  addBackups(stackUid: string, opts: AddBackupsOptions): Backup[];
  /**
   * A scheduled run finishing `delayMs` from now; resolves with the backup once listed
   * (never settles if the sandbox closes first).
   */
  scheduleBackup(stackUid: string, dbType: DbType, opts: ScheduleOptions): Promise<Backup>;
  /**
   * Marks a backup's objects on the file host as encrypted (`null`: plain again). With
   * `aws:kms` or `sse-c` the file host sends S3's encryption headers and an ETag that is
   * 32 hex digits but not the MD5 of the bytes, as S3 does.
   */
  setObjectEncryption(
    stackUid: string,
    backupId: number,
    encryption: ObjectEncryption | null,
  ): void;
  /** Forces the outcome of the next created backup(s), optionally per stack/db type. */
  setBackupOutcome(override: OutcomeOverride): void;
  /** The files of a backup with their sizes, as the API would list them. */
  backupFiles(stackUid: string, backupId: number): BackupFileInfo[];
  /** A Readable of the exact bytes the file host serves for one file. */
  expectedFileContent(stackUid: string, backupId: number, fileId: string): Readable;
  /** A Readable of all parts joined in order: the complete `.tar`. */
  expectedBackupContent(stackUid: string, backupId: number): Readable;
  readonly faults: Pick<FaultRegistry, 'inject' | 'clear' | 'list'>;
  /** Received API and file-host requests, oldest first (printing one redacts secrets). */
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  close(): Promise<void>;
}
