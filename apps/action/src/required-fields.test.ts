import { REQUIRED_BACKUP_FIELDS } from '@c66-backup/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { closeSandbox, runWith, sandboxWith } from '../test/run-in-process.js';

// A stack whose record and backups carry only the required fields (stack: uid, name,
// environment; backup: id, db_type, backup_status and the two dates): the action still backs
// up, and its outputs, summary and log show a dash or leave out what the server did not send.
const FILLERS = /\bundefined\b|\bnull\b|\bNaN\b|Invalid Date/;

afterEach(closeSandbox);

async function bareSandbox() {
  const sb = await sandboxWith();
  const stack = sb.createStack({
    name: 'bare-app',
    environment: 'production',
    dbTypes: ['mysql', 'postgresql'],
    backups: 2,
    fields: 'required',
  });
  return { sb, uid: stack.uid };
}

describe('run, on a stack and backups with only the required fields', () => {
  it('found by name and environment: backs up, outputs what is known, dashes the rest', async () => {
    const { sb } = await bareSandbox();
    const { report, toolkit } = await runWith(sb, {
      stack: 'bare-app',
      environment: 'production',
      'db-type': 'mysql,postgresql',
    });
    expect(report.outcome).toBe('succeeded');
    const mysql = report.backups.mysql;
    expect(Object.keys(mysql ?? {}).sort()).toEqual([...REQUIRED_BACKUP_FIELDS].sort());
    expect(toolkit.outputs).toEqual({
      'backup-id': String(mysql?.id),
      'backup-ids': JSON.stringify({ mysql: mysql?.id, postgresql: report.backups.postgresql?.id }),
      'backup-status': 'ok',
      'backup-date': mysql?.backup_date_iso.toISOString(),
      'database-name': '',
      // main's `reused` output (issue 16): nothing was reused here.
      reused: 'false',
      'timed-out': 'false',
    });
    const [header, ...rows] = toolkit.summary.tables[0] ?? [];
    expect(header?.every((cell) => typeof cell !== 'string' && cell.data !== '')).toBe(true);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const [, environment, , database, id, status, date, size] = row as string[];
      expect({ environment, database, status, size }).toEqual({
        environment: 'production',
        database: '—',
        status: 'ok',
        size: '—',
      });
      expect(id).toMatch(/^\d+$/);
      expect(Number.isNaN(Date.parse(date ?? ''))).toBe(false);
    }
    expect(toolkit.messages('info')).toContain(`mysql: backup ${mysql?.id} (ok)`);
    expect(toolkit.everything()).not.toMatch(FILLERS);
  });

  it('found by uid (stack get): the same, and a failed backup says so without a reason', async () => {
    const { sb, uid } = await bareSandbox();
    sb.setBackupOutcome({ stackUid: uid, dbType: 'mysql', outcome: 'failed' });
    const { report, toolkit } = await runWith(sb, { stack: uid, 'db-type': 'mysql' });
    expect(report.outcome).toBe('failed');
    expect(toolkit.outputs['backup-status']).toBe('failed');
    expect(toolkit.outputs['database-name']).toBe('');
    expect(toolkit.messages('setFailed')).toHaveLength(1);
    expect(toolkit.summary.tables[0]?.[1]?.slice(3, 6)).toEqual([
      '—',
      report.backups.mysql?.id.toString(),
      'failed',
    ]);
    expect(toolkit.everything()).not.toMatch(FILLERS);
  });

  it('meets the profile this project runs: full backups carry file_name, documented not', async () => {
    const sb = await sandboxWith();
    expect(sb.profile).toBe(process.env.C66_SANDBOX_PROFILE);
    const { report } = await runWith(sb, { stack: 'blog', 'db-type': 'postgresql' });
    expect(report.outcome).toBe('succeeded');
    expect(typeof report.backups.postgresql?.file_name).toBe(
      sb.profile === 'full' ? 'string' : 'undefined',
    );
  });
});
