import { hashString, hex32 } from '../shared/random.js';
import { type BackupParams, buildBackup, type StackContext } from './backup-factory.js';
import { BackupList } from './backup-list.js';
import type { BackupSeries } from './backup-series.js';
import type {
  BackupGroup,
  BackupTask,
  DbType,
  FieldSet,
  ObjectEncryption,
  StackRecord,
  StoredBackup,
} from './model.js';
import { buildStack } from './stack-factory.js';

export interface StoredStack {
  /** Every field; the API serves a projection of it (present.ts). */
  api: StackRecord;
  fields: FieldSet;
  ctx: StackContext;
  dbTypes: DbType[];
  groups: BackupGroup[];
  backups: BackupList;
  tasks: BackupTask[];
}

export interface NewStack {
  name: string;
  environment?: string;
  dbTypes?: DbType[];
  language?: string;
  framework?: string;
  /** `required`: a bare stack (only the required fields, on it and its backups). */
  fields?: FieldSet;
  createdAt: number;
  /** Generated backups, oldest first; ids are reserved now. */
  series?: Omit<BackupSeries, 'firstId' | 'dbTypes' | 'groups'>;
}

/** Everything the sandbox knows: stacks, their backups, ids. Pure state, no I/O. */
export class World {
  readonly stacks: StoredStack[] = [];
  private readonly byUid = new Map<string, StoredStack>();
  private nextBackupId = 1;
  private nextGroupId = 101;
  private readonly lastStorageSecond = new Map<string, number>();
  /** How the file host says each backup's objects are encrypted (`<stackUid>/<backupId>`). */
  readonly encryption = new Map<string, ObjectEncryption>();

  constructor(readonly seed: number) {}

  createStack(spec: NewStack): StoredStack {
    const environment = spec.environment ?? 'production';
    const dbTypes = spec.dbTypes ?? ['mysql'];
    const uid = hex32(`${this.seed}:stack:${this.stacks.length}:${spec.name}:${environment}`);
    const seed = hashString(`${this.seed}:${uid}`);
    const fields = spec.fields ?? 'all';
    const dbName = `${spec.name.replace(/[^a-z0-9]+/gi, '_')}_${environment}`;
    const ctx: StackContext = {
      uid,
      seed,
      accountHash: hex32(`${this.seed}:account`),
      fields,
      serverUid: (dbType) => hex32(`${uid}:server:${dbType}`),
      databaseName: (dbType) => (dbType === 'redis' ? 'redis' : dbName),
    };
    const groups = dbTypes.map((dbType) => ({ group: this.nextGroupId++, dbType }));
    const groupIds = Object.fromEntries(groups.map((g) => [g.dbType, g.group]));
    let series: BackupSeries | null = null;
    if (spec.series && spec.series.count > 0) {
      series = { ...spec.series, firstId: this.nextBackupId, dbTypes, groups: groupIds };
      this.nextBackupId += spec.series.count;
    }
    const stack: StoredStack = {
      api: buildStack({ ...spec, uid, environment, seed }),
      fields,
      ctx,
      dbTypes,
      groups,
      backups: new BackupList(ctx, series),
      tasks: [],
    };
    this.stacks.push(stack);
    this.byUid.set(uid, stack);
    return stack;
  }

  stack(uid: string): StoredStack | undefined {
    return this.byUid.get(uid);
  }

  groupOf(stack: StoredStack, dbType: DbType): number {
    return stack.groups.find((g) => g.dbType === dbType)?.group ?? 0;
  }

  /** Records a finished backup with the next id (ids only grow, so it lists first). */
  addBackup(
    stack: StoredStack,
    params: Omit<BackupParams, 'id' | 'group'> & { group?: number },
  ): StoredBackup {
    const id = this.nextBackupId++;
    const group = params.group ?? this.groupOf(stack, params.dbType);
    // storage_path has whole seconds: keep two dumps of one database in distinct folders
    // without touching the dates clients correlate on.
    const key = `${stack.api.uid}/${params.dbType}`;
    const previous = this.lastStorageSecond.get(key) ?? -1;
    const second = Math.max(Math.floor(params.startedAt / 1000), previous + 1);
    this.lastStorageSecond.set(key, second);
    const backup = buildBackup(stack.ctx, { ...params, storageAt: second * 1000, id, group });
    stack.backups.add(backup);
    return backup;
  }
}
