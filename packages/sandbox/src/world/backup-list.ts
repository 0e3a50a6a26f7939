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
  /** Ids removed by `prune` (like `keep_count`): gone from views and lookups. */
  private readonly pruned = new Set<number>();

  constructor(
    private readonly stack: StackContext,
    private readonly series: BackupSeries | null,
  ) {}

  get size(): number {
    return (this.series?.count ?? 0) + this.added.length - this.pruned.size;
  }

  /** Removes the `count` oldest backups of `dbType` (all types when undefined); returns their ids. */
  prune(count: number, dbType?: DbType): number[] {
    const all = this.view({ dbType }, () => undefined);
    const ids: number[] = [];
    for (let i = all.length - 1; i >= 0 && ids.length < count; i--) ids.push(all.at(i).api.id);
    for (const id of ids) this.pruned.add(id);
    return ids;
  }

  add(backup: StoredBackup): void {
    this.added.push(backup);
    this.addedById.set(backup.api.id, backup);
  }

  get(id: number): StoredBackup | undefined {
    if (this.pruned.has(id)) return undefined;
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
    const added = this.added.filter((b) => matches(b) && !this.pruned.has(b.api.id)).reverse();
    let series = this.seriesView(filter, groupDbType);
    if (this.pruned.size > 0) {
      // Rare (tests only): materialise the series without its pruned backups.
      const kept: StoredBackup[] = [];
      for (let i = 0; i < series.length; i++) {
        const b = series.at(i);
        if (!this.pruned.has(b.api.id)) kept.push(b);
      }
      series = { length: kept.length, at: (i) => kept[i] as StoredBackup };
    }
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
