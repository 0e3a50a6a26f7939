import { describe, expect, it } from 'vitest';
import { RecordingToolkit } from '../test/recording-toolkit.js';
import { outputsOf } from './outputs.js';
import type { Report } from './report.js';
import { summaryRows, writeSummary } from './summary.js';

const stack = { uid: 'a'.repeat(32), name: 'shop<prod>', environment: 'production' };

function backup(id: number, dbType: string, status: 'ok' | 'failed' = 'ok') {
  return {
    id,
    db_type: dbType,
    database_name: `${dbType}_db`,
    backup_status: { code: status === 'ok' ? 0 : 1, name: status, label: status },
    backup_date_iso: new Date('2026-11-27T10:00:00Z'),
    backup_size: 1536,
  } as unknown as NonNullable<Report['backups'][string]>;
}

describe('outputs and summary', () => {
  it('name the first db type given as the primary, list only the found ids', () => {
    const report: Report = {
      outcome: 'timed-out',
      stack,
      dbTypes: ['redis', 'mysql'],
      backups: { mysql: backup(7, 'mysql') },
      waitMs: 125_000,
      notes: ['Still missing when the wait ended: redis.'],
    };
    expect(outputsOf(report)).toEqual({
      'backup-id': '',
      'backup-ids': '{"mysql":7}',
      'backup-status': '',
      'backup-date': '',
      'database-name': '',
      'timed-out': 'true',
      reused: 'false',
    });
    expect(summaryRows(report)).toEqual([
      [
        `shop&lt;prod&gt; (${stack.uid})`,
        'production',
        'redis',
        '—',
        '—',
        'not finished',
        '—',
        '—',
        '2m 05s',
      ],
      [
        `shop&lt;prod&gt; (${stack.uid})`,
        'production',
        'mysql',
        'mysql_db',
        '7',
        'ok',
        '2026-11-27T10:00:00.000Z',
        '1.5 KB',
        '2m 05s',
      ],
    ]);
  });

  it('writes heading, table, the failure and every note as alerts', async () => {
    const { summary } = new RecordingToolkit();
    await writeSummary(summary, {
      outcome: 'failed',
      stack,
      dbTypes: ['postgresql'],
      backups: { postgresql: backup(9, 'postgresql', 'failed') },
      message: 'postgresql backup 9 failed: disk\nfull',
      notes: ['a note'],
    });
    expect(summary.headings).toEqual(['Cloud 66 backup failed']);
    expect(summary.tables).toHaveLength(1);
    expect(summary.raw).toEqual([
      '\n> [!CAUTION]\n> postgresql backup 9 failed: disk\n> full\n',
      '\n> [!WARNING]\n> a note\n',
    ]);
    expect(summary.written).toBe(1);
  });

  it('leaves the table out when the stack was never resolved', async () => {
    const { summary } = new RecordingToolkit();
    await writeSummary(summary, {
      outcome: 'error',
      dbTypes: ['mysql'],
      backups: {},
      message: 'x',
      notes: [],
    });
    expect(summary.tables).toEqual([]);
  });
});
