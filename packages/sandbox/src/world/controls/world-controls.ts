import { backupFiles } from '../../file-host/objects/backup-files.js';
import type { ResolvedOptions } from '../../server/options.js';
import type { Sandbox } from '../../server/sandbox.js';
import { addFinishedBackups } from '../lifecycle/add-finished-backups.js';
import type { Lifecycle } from '../lifecycle/lifecycle.js';
import { type DbType, isDbType } from '../model.js';
import { presentBackup, presentStack } from '../profile/present.js';
import type { StoredStack, World } from '../world.js';
import type { AddBackupsOptions } from './control-options.js';
import { fileContent, joinedContent } from './expected-content.js';
import { SandboxError } from './sandbox-error.js';

const HOUR = 3_600_000;

export type WorldControls = Pick<
  Sandbox,
  | 'stacks'
  | 'backupGroups'
  | 'backupTasks'
  | 'createStack'
  | 'addBackups'
  | 'setObjectEncryption'
  | 'scheduleBackup'
  | 'setBackupOutcome'
  | 'backupFiles'
  | 'expectedFileContent'
  | 'expectedBackupContent'
>;

/** What tests use to shape and inspect the sandbox's data, with errors naming bad ids. */
export function worldControls(
  world: World,
  lifecycle: Lifecycle,
  opts: ResolvedOptions,
): WorldControls {
  const stackOf = (uid: string): StoredStack => {
    const stack = world.stack(uid);
    if (!stack) throw new SandboxError('SANDBOX_UNKNOWN_STACK', `no stack with uid "${uid}"`);
    return stack;
  };
  const dbTypeOf = (stack: StoredStack, dbType: string): DbType => {
    if (!isDbType(dbType) || !stack.dbTypes.includes(dbType)) {
      throw new SandboxError(
        'SANDBOX_BAD_ARGUMENT',
        `stack "${stack.api.name}" has no ${dbType} database (it has: ${stack.dbTypes.join(', ')})`,
      );
    }
    return dbType;
  };
  const backupOf = (uid: string, id: number) => {
    const backup = stackOf(uid).backups.get(id);
    if (!backup)
      throw new SandboxError('SANDBOX_UNKNOWN_BACKUP', `stack ${uid} has no backup ${id}`);
    return backup;
  };

  const whole = (name: string, value: number | undefined): void => {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new SandboxError(
        'SANDBOX_BAD_ARGUMENT',
        `${name} must be a whole number >= 0 (got ${value})`,
      );
    }
  };

  return {
    stacks: () => world.stacks.map((s) => presentStack(s, opts.profile)),
    backupGroups: (uid) => stackOf(uid).groups.map((g) => ({ ...g })),
    backupTasks: (uid) => stackOf(uid).tasks.map((t) => ({ ...t })),
    createStack(spec) {
      whole('backups', spec.backups);
      whole('backupSizeBytes', spec.backupSizeBytes);
      const count = spec.backups ?? 0;
      const endAt = opts.now() - HOUR;
      const dbTypes = spec.dbTypes ?? ['mysql'];
      for (const t of dbTypes) {
        if (!isDbType(t)) throw new SandboxError('SANDBOX_BAD_ARGUMENT', `unknown db type "${t}"`);
      }
      const stack = world.createStack({
        name: spec.name,
        environment: spec.environment,
        dbTypes,
        fields: spec.fields ?? 'all',
        createdAt: endAt - count * HOUR - 24 * HOUR,
        series: {
          count,
          endAt,
          intervalMs: HOUR,
          profile: 'plain',
          sizeBytes: spec.backupSizeBytes,
        },
      });
      return presentStack(stack, opts.profile);
    },
    addBackups(uid, spec: AddBackupsOptions) {
      const stack = stackOf(uid);
      const dbType = dbTypeOf(stack, spec.dbType);
      whole('count', spec.count);
      whole('sizeBytes', spec.sizeBytes);
      return addFinishedBackups(world, stack, dbType, spec, opts.now()).map((b) =>
        presentBackup(b, opts.profile),
      );
    },
    setObjectEncryption(uid, id, encryption) {
      backupOf(uid, id);
      if (encryption === null) world.encryption.delete(`${uid}/${id}`);
      else world.encryption.set(`${uid}/${id}`, encryption);
    },
    scheduleBackup(uid, dbType, spec) {
      const stack = stackOf(uid);
      return lifecycle
        .schedule(stack, dbTypeOf(stack, dbType), spec.delayMs, spec.outcome, spec.startedAt)
        .then((b) => presentBackup(b, opts.profile));
    },
    setBackupOutcome: (override) => lifecycle.overrideOutcome(override),
    backupFiles: (uid, id) =>
      backupFiles(backupOf(uid, id), opts.splitThresholdBytes).map(({ id: fid, name, size }) => ({
        id: fid,
        name,
        size,
      })),
    expectedFileContent: (uid, id, fileId) =>
      fileContent(backupOf(uid, id), opts.seed, fileId, opts.splitThresholdBytes),
    expectedBackupContent: (uid, id) =>
      joinedContent(backupOf(uid, id), opts.seed, opts.splitThresholdBytes),
  };
}
