import { between, hashString } from '../../shared/random.js';
import { safeDecode } from '../../shared/safe-decode.js';
import { failureReason } from '../failure-reason.js';
import type { BackupOutcome, DbType, StoredBackup } from '../model.js';
import type { StoredStack, World } from '../world.js';

export interface CreateRequest {
  dbTypes: DbType[];
  frequency: string | null;
  keepCount: number | null;
  gzip: boolean;
  excludedTables: string | null;
  runOnReplicaServer: boolean;
}

/** Forces the outcome of upcoming created backups (a per-test knob). */
export interface OutcomeOverride {
  stackUid?: string;
  dbType?: DbType;
  outcome: BackupOutcome;
  /** `backup_result` for a failure (default: a realistic error for the db type). */
  result?: string;
  /** How many backups it decides (default 1). */
  times?: number;
}

export interface LifecycleSettings {
  backupDelayMs: number;
  importDelayMs: number;
  failDbTypes: DbType[];
  now: () => number;
}

interface FinishedRun {
  dbType: DbType;
  startedAt: number;
  outcome: BackupOutcome;
  result?: string;
  skipTables?: string;
  group?: number;
  fileName?: string;
}

/** Backups that finish later: created tasks, imports and scheduled runs. */
export class Lifecycle {
  private readonly timers = new Set<NodeJS.Timeout>();
  private overrides: Array<OutcomeOverride & { remaining: number }> = [];

  constructor(
    private readonly world: World,
    private readonly settings: LifecycleSettings,
  ) {}

  /** Registers a backup task per db type; each runs its first backup after the delay. */
  create(stack: StoredStack, req: CreateRequest): void {
    // The API has whole seconds: round up so the backup never looks older than the request.
    const requestAt = Math.ceil(this.settings.now() / 1000) * 1000;
    for (const dbType of req.dbTypes) {
      stack.tasks.push({
        stackUid: stack.api.uid,
        dbType,
        group: this.world.groupOf(stack, dbType),
        frequency: req.frequency,
        keepCount: req.keepCount,
        gzip: req.gzip,
        excludedTables: req.excludedTables,
        runOnReplicaServer: req.runOnReplicaServer,
        createdAt: new Date(requestAt).toISOString(),
      });
      const outcome = this.decide(stack.api.uid, dbType);
      this.later(this.settings.backupDelayMs, () =>
        this.finish(stack, {
          dbType,
          startedAt: requestAt,
          ...outcome,
          skipTables: req.excludedTables ?? '',
        }),
      );
    }
  }

  /** Records an imported backup in `group` after the import delay. */
  import(stack: StoredStack, dbType: DbType, group: number, remoteUrl: string): void {
    const requestAt = Math.ceil(this.settings.now() / 1000) * 1000;
    this.later(this.settings.importDelayMs, () => {
      // A malformed escape (`dump%zz.tar`) is kept as sent: the create answered 200, so the
      // import must finish, not throw in a timer and take the sandbox down.
      const name = safeDecode(new URL(remoteUrl).pathname.split('/').pop() || 'import.tar');
      this.finish(stack, { dbType, startedAt: requestAt, outcome: 'ok', group, fileName: name });
    });
  }

  /**
   * A scheduled run of an existing task finishing `delayMs` from now; it started a minute
   * ago unless `startedAt` says otherwise. Never settles if the sandbox closes first.
   */
  schedule(
    stack: StoredStack,
    dbType: DbType,
    delayMs: number,
    outcome: BackupOutcome = 'ok',
    startedAt?: number,
  ): Promise<StoredBackup> {
    const requestAt = startedAt ?? this.settings.now() - 60_000;
    return new Promise((resolve) => {
      this.later(delayMs, () =>
        resolve(this.finish(stack, { dbType, startedAt: requestAt, outcome })),
      );
    });
  }

  overrideOutcome(override: OutcomeOverride): void {
    this.overrides.push({ ...override, remaining: override.times ?? 1 });
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private decide(stackUid: string, dbType: DbType): { outcome: BackupOutcome; result?: string } {
    const override = this.overrides.find(
      (o) =>
        o.remaining > 0 &&
        (o.stackUid === undefined || o.stackUid === stackUid) &&
        (o.dbType === undefined || o.dbType === dbType),
    );
    if (override) {
      override.remaining--;
      this.overrides = this.overrides.filter((o) => o.remaining > 0);
      return { outcome: override.outcome, result: override.result };
    }
    return { outcome: this.settings.failDbTypes.includes(dbType) ? 'failed' : 'ok' };
  }

  /** Records the finished backup now (created backups are 256 KiB to 4 MiB). */
  private finish(stack: StoredStack, run: FinishedRun): StoredBackup {
    const salt = hashString(`${stack.api.uid}:${stack.backups.size}`);
    const failed = run.outcome === 'failed';
    return this.world.addBackup(stack, {
      ...run,
      finishedAt: Math.max(this.settings.now(), run.startedAt),
      result: run.result ?? (failed ? failureReason(run.dbType, salt) : undefined),
      sizeBytes: 512 * between(512, 8192, salt),
    });
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }
}
