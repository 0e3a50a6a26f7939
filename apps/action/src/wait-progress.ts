import {
  type Backup,
  DB_TYPES,
  type DbType,
  fieldText,
  formatBytes,
  formatDuration,
  type PollEvent,
} from '@c66-backup/core';
import type { ActionLog } from './logging.js';

/**
 * Follows the core's poll events: logs each state change once (a backup found, a transient
 * error, an ambiguous match), a heartbeat while nothing changes, and keeps what was found
 * so far for the outputs when the wait ends early (timeout, failure, cancellation).
 */
export class WaitProgress {
  /** New backups found so far, by db type. */
  readonly found: Partial<Record<string, Backup>> = {};
  /** The db types the wait covers, as the first poll reports them (what `all` became). */
  dbTypes: DbType[] | undefined;
  private startedAt: number | undefined;

  constructor(
    private readonly log: ActionLog,
    private readonly now: () => number,
  ) {}

  /** Marks the start of the wait (the heartbeat counts from here). */
  start(): void {
    this.startedAt = this.now();
  }

  readonly onPoll = (event: PollEvent): void => {
    if (!this.dbTypes) {
      this.dbTypes = DB_TYPES.filter((t) => event.found[t] || event.missing.includes(t));
      this.log.info(`Waiting for a new backup of ${this.dbTypes.join(', ')}`);
    }
    for (const [dbType, backup] of Object.entries(event.found)) {
      if (!backup || this.found[dbType]) continue;
      this.found[dbType] = backup;
      this.log.info(
        `${dbType}: new backup ${describeBackup(backup)} after ${formatDuration(event.elapsedMs)}`,
      );
    }
    for (const { dbType, error } of event.errors) {
      this.log.info(`${dbType}: check failed for now (${error.message}); polling more slowly`);
    }
    for (const { dbType, chosen, candidates } of event.ambiguous) {
      this.log.warning(
        `${dbType}: several new backups appeared (${candidates.join(', ')}); took ${chosen}, the one created closest after the request`,
      );
    }
    if (event.missing.length > 0 && event.errors.length === 0) {
      this.log.heartbeat(this.startedAt ?? this.now(), () => {
        const next = formatDuration(event.nextPollInMs);
        return `no new backup yet for ${event.missing.join(', ')} (check ${event.round}, next in ${next})`;
      });
    }
  };
}

/** `123 (ok, 4.2 MB, database app_production)`; what the server did not send is left out. */
export function describeBackup(backup: Backup): string {
  const facts = [
    backup.backup_status.label,
    fieldText(backup.backup_size, formatBytes),
    fieldText(backup.database_name, (name) => `database ${name}`),
  ];
  return `${backup.id} (${facts.filter((f) => f !== undefined).join(', ')})`;
}
