import { describe, expect, it } from 'vitest';
import { backupSchema } from './backup.js';
import { backupFileSchema, backupFileUrlSchema, queuedResultSchema } from './backup-file.js';
import { listEnvelope, objectEnvelope } from './envelope.js';
import { stackSchema } from './stack.js';

// Cloud 66's own example (backups-endpoints.md, "Get Backup").
const documentedBackup = {
  id: 1,
  server_uid: 'e63e859d5ab72b0bcf14321f0ffb013d',
  db_type: 'mysql',
  database_name: 'shab-test-db',
  file_base: '',
  backup_date_iso: '2014-09-01T18:16:16Z',
  backup_status: 0,
  backup_result: '',
  restore_status: 0,
  restore_result: null,
  created_at_iso: '2014-09-01T18:16:16Z',
  updated_at_iso: '2014-09-01T18:16:16Z',
  verify_status: 0,
  verify_result: null,
  storage_path: '2aad2bb5a70e621ecf251fbd85af6927/backups/3c656a1bcc160769762763c6276c18b9/mysql',
  skip_tables: '',
  backup_size: 0,
};

describe('backupSchema', () => {
  it("parses Cloud 66's documented example: dates, decoded statuses, absent extras", () => {
    const backup = objectEnvelope(backupSchema).parse({ response: documentedBackup }).response;
    expect(backup.backup_date_iso).toEqual(new Date('2014-09-01T18:16:16Z'));
    expect(backup.backup_status).toEqual({ code: 0, name: 'ok', label: 'ok' });
    expect(backup.restore_status).toEqual({ code: 0, name: 'not_restored', label: 'not restored' });
    expect(backup.verify_status).toEqual({ code: 0, name: 'not_verified', label: 'not verified' });
    expect(backup.logical_backup).toBeUndefined();
    expect(backup.file_name).toBeUndefined();
    expect(backup.restore_result).toBeNull();
  });

  it('decodes every known status and keeps unknown integers as "unknown (N)"', () => {
    const parse = (patch: object) => backupSchema.parse({ ...documentedBackup, ...patch });
    expect(parse({ backup_status: 1 }).backup_status.name).toBe('failed');
    expect(parse({ restore_status: 3 }).restore_status?.label).toBe('restore failed');
    expect(parse({ verify_status: 4 }).verify_status?.name).toBe('unable_to_verify');
    expect(parse({ backup_status: 7 }).backup_status).toEqual({
      code: 7,
      name: 'unknown',
      label: 'unknown (7)',
    });
    expect(parse({ verify_status: 42 }).verify_status?.label).toBe('unknown (42)');
  });

  it('keeps unknown fields and accepts offsets and fractions in dates', () => {
    const backup = backupSchema.parse({
      ...documentedBackup,
      created_at_iso: '2014-09-01T20:16:16.250+02:00',
      brand_new_field: 'x',
      logical_backup: true,
      file_name: 'test_db_11.tar',
    });
    expect(backup.created_at_iso).toEqual(new Date('2014-09-01T18:16:16.250Z'));
    expect((backup as Record<string, unknown>).brand_new_field).toBe('x');
    expect(backup.logical_backup).toBe(true);
  });

  it('rejects a drifted record with readable issues', () => {
    const result = backupSchema.safeParse({ ...documentedBackup, id: '1', backup_status: 'ok' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'backup_status',
      'id',
    ]);
  });
});

describe('envelopes', () => {
  it('parses the documented list envelope (files) and the file URL, queued answers', () => {
    const list = listEnvelope(backupFileSchema).parse({
      response: [{ id: 'tar', name: 'test_db_11.tar' }],
      count: 1,
      pagination: { previous: null, next: null, current: 1, per_page: 30, count: 1, pages: 1 },
    });
    expect(list.pagination.next).toBeNull();
    expect(list.response).toEqual([{ id: 'tar', name: 'test_db_11.tar' }]);
    expect(backupFileUrlSchema.parse({ ok: true, public_url: 'https://x/y?a=1' }).ok).toBe(true);
    expect(queuedResultSchema.parse({ ok: true, message: 'queued for creation' }).message).toBe(
      'queued for creation',
    );
  });
});

describe('stackSchema', () => {
  it('decodes status and health, keeps nullable hooks and addresses', () => {
    const stack = stackSchema.parse({
      uid: '5999b763474b0eafa5fafb64bff0ba80',
      name: 'shop',
      environment: 'production',
      git: null,
      git_branch: null,
      cloud: 'aws',
      fqdn: 'shop.c66.me',
      language: 'ruby',
      framework: 'rails',
      status: 6,
      health: 9,
      maintenance_mode: false,
      is_busy: true,
      created_at_iso: '2020-01-01T00:00:00Z',
      updated_at_iso: '2020-01-02T00:00:00Z',
      last_activity_iso: '2020-01-03T00:00:00Z',
      redeploy_hook: null,
      application_address: null,
      is_cluster: false,
      cluster_name: null,
      namespaces: [],
      created_at: 'Wed, 01 Jan 2020 00:00:00 +0000',
    });
    expect(stack.status).toEqual({ code: 6, name: 'deploying', label: 'deploying' });
    expect(stack.health).toEqual({ code: 9, name: 'unknown', label: 'unknown (9)' });
    expect(stack.redeploy_hook).toBeNull();
  });
});
