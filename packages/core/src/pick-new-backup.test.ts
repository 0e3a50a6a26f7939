import { describe, expect, it } from 'vitest';
import { pickNewBackup } from './pick-new-backup.js';
import { type Backup, backupSchema } from './schemas/backup.js';

const REQUEST = Date.parse('2026-03-01T12:00:00Z');

function backup(id: number, startedSecondsAfterRequest: number, dbType = 'mysql'): Backup {
  const started = new Date(REQUEST + startedSecondsAfterRequest * 1000).toISOString();
  const finished = new Date(REQUEST + (startedSecondsAfterRequest + 40) * 1000).toISOString();
  return backupSchema.parse({
    id,
    server_uid: 's',
    db_type: dbType,
    database_name: 'db',
    file_base: '',
    backup_date_iso: started,
    backup_status: 0,
    backup_result: '',
    restore_status: 0,
    restore_result: null,
    created_at_iso: finished,
    updated_at_iso: finished,
    verify_status: 0,
    verify_result: null,
    storage_path: 'p',
    skip_tables: '',
    backup_size: 1,
  });
}

const criteria = {
  dbType: 'mysql',
  latestId: 10,
  requestedAt: new Date(REQUEST),
  toleranceMs: 2000,
};

describe('pickNewBackup', () => {
  it('takes a new backup started at the request', () => {
    expect(pickNewBackup([backup(11, 0), backup(10, -3600)], criteria)).toEqual({
      backup: backup(11, 0),
      candidates: [],
    });
  });

  it('ignores old ids, other db types and runs started before the request', () => {
    const page = [backup(14, -60), backup(13, 1, 'redis'), backup(9, 5)];
    expect(pickNewBackup(page, criteria)).toBeUndefined();
  });

  it('allows the tolerance for whole-second rounding', () => {
    expect(pickNewBackup([backup(11, -1)], criteria)?.backup.id).toBe(11);
    expect(pickNewBackup([backup(11, -3)], criteria)).toBeUndefined();
  });

  it('prefers the run started closest to the request and reports every candidate', () => {
    const page = [backup(13, 30), backup(12, 1), backup(11, 45)];
    expect(pickNewBackup(page, criteria)).toEqual({
      backup: backup(12, 1),
      candidates: [11, 12, 13],
    });
  });

  it('breaks a tie on start time with the lowest id', () => {
    expect(pickNewBackup([backup(12, 0), backup(11, 0)], criteria)?.backup.id).toBe(11);
  });

  it('with no earlier backup (latestId null) any recent one qualifies', () => {
    expect(pickNewBackup([backup(1, 2)], { ...criteria, latestId: null })?.backup.id).toBe(1);
  });
});
