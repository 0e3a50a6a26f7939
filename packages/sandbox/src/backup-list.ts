import type { StackContext } from './backup-factory.js';
import { type BackupSeries, seriesBackup } from './backup-series.js';
import type { DbType, StoredBackup } from './model.js';

/** A read-only, indexable sequence (newest first). */
export interface ListView<T> {
  length: number;
  at(index: number): T;
}

export interface BackupFilter {
  dbType?: DbType;
  group?: number;
}

/**
 * The backups of one stack: an optional generated series (lowest ids) followed by
 * explicitly added backups, in ascending id order. Views are newest first.
 */
export class BackupList {
  private readonly added: StoredBackup[] = [];
  private readonly addedById = new Map<number, StoredBackup>();

  constructor(
    private readonly stack: StackContext,
    private readonly series: BackupSeries | null,
  ) {}

  get size(): number {
    return (this.series?.count ?? 0) + this.added.length;
  }

  add(backup: StoredBackup): void {
    this.added.push(backup);
    this.addedById.set(backup.api.id, backup);
  }

  get(id: number): StoredBackup | undefined {
    const s = this.series;
    if (s && id >= s.firstId && id < s.firstId + s.count) {
      return seriesBackup(this.stack, s, id - s.firstId);
    }
    return this.addedById.get(id);
  }

  /** Newest-first view, filtered by db type and/or group. */
  view(
    filter: BackupFilter,
    groupDbType: (group: number) => DbType | undefined,
  ): ListView<StoredBackup> {
    const matches = (b: StoredBackup) =>
      (filter.dbType === undefined || b.api.db_type === filter.dbType) &&
      (filter.group === undefined || b.group === filter.group);
    const added = this.added.filter(matches).reverse();
    const series = this.seriesView(filter, groupDbType);
    return {
      length: added.length + series.length,
      at: (i) => (i < added.length ? (added[i] as StoredBackup) : series.at(i - added.length)),
    };
  }

  private seriesView(
    filter: BackupFilter,
    groupDbType: (group: number) => DbType | undefined,
  ): ListView<StoredBackup> {
    const s = this.series;
    const empty: ListView<StoredBackup> = {
      length: 0,
      at: () => {
        throw new RangeError('empty view');
      },
    };
    if (!s || s.count === 0) return empty;
    let dbType = filter.dbType;
    if (filter.group !== undefined) {
      const fromGroup = groupDbType(filter.group);
      if (fromGroup === undefined || (dbType !== undefined && dbType !== fromGroup)) return empty;
      dbType = fromGroup;
    }
    const last = s.count - 1;
    if (dbType === undefined) {
      return { length: s.count, at: (i) => seriesBackup(this.stack, s, last - i) };
    }
    // Series db types cycle, so a db type's backups sit at indices k, k+n, k+2n, ...
    const n = s.dbTypes.length;
    const k = s.dbTypes.indexOf(dbType);
    if (k < 0 || k > last) return empty;
    const newest = last - ((last - k) % n);
    const length = Math.floor((newest - k) / n) + 1;
    return { length, at: (i) => seriesBackup(this.stack, s, newest - i * n) };
  }
}
