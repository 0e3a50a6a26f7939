import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { createClient } from '@c66-backup/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoFillers, jsonLines, runCli, sandboxEnv, until } from './run-cli.js';
import { type Sandbox, startTestSandbox } from './test-sandbox.js';

// A stack and backups carrying only the fields the toolkit requires (stack: uid, name,
// environment; backup: id, db_type, backup_status and the two dates): every command works and
// shows a dash, or leaves the field out, for everything else.
const STACK_KEYS = ['environment', 'name', 'uid'];
const BACKUP_KEYS = ['backup_date_iso', 'backup_status', 'created_at_iso', 'db_type', 'id'];

async function sha256(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('the CLI on a stack and backups with only the required fields', () => {
  let sb: Sandbox;
  let uid: string;
  let dir: string;
  const env = () => sandboxEnv(sb);
  const byName = ['--stack', 'bare-app', '--environment', 'production'];
  beforeAll(async () => {
    sb = await startTestSandbox({ backupDelayMs: 200, importDelayMs: 100 });
    uid = sb.createStack({
      name: 'bare-app',
      environment: 'production',
      dbTypes: ['mysql'],
      backups: 3,
      fields: 'required',
    }).uid;
    dir = await mkdtemp(path.join(tmpdir(), 'c66-cli-bare-'));
  });
  afterAll(async () => {
    await sb.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stacks: the row has a dash for the status; --json leaves the missing fields out', async () => {
    const table = await runCli(['stacks', '--name', 'bare-app'], { env: env() });
    expect(table.code).toBe(0);
    expectNoFillers(table);
    const [header, row, ...rest] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^NAME\s+ENVIRONMENT\s+UID\s+STATUS$/);
    expect(row).toMatch(new RegExp(`^bare-app\\s+production\\s+${uid}\\s+-$`));
    expect(rest).toEqual([]);

    const json = await runCli(['stacks', '--environment', 'production', '--json'], { env: env() });
    expect(json.code).toBe(0);
    expectNoFillers(json);
    const bare = (jsonLines(json.stdout) as Record<string, unknown>[]).find((s) => s.uid === uid);
    expect(Object.keys(bare ?? {}).sort()).toEqual(STACK_KEYS);
  });

  it('backups list by stack name and environment: dashes for database, verified, size', async () => {
    const result = await runCli(['backups', 'list', ...byName], { env: env() });
    expect(result.code).toBe(0);
    expectNoFillers(result);
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^\s*ID\s+DB TYPE\s+DATABASE\s+DATE\s+STATUS\s+VERIFIED\s+SIZE$/);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatch(/^\s*\d+\s+mysql\s+-\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+\S+\s+-\s+-$/);
    }
  });

  it('backups list --stack <uid> --json (stack get): each record holds only what was sent', async () => {
    const result = await runCli(['backups', 'list', '--stack', uid, '--json'], { env: env() });
    expect(result.code).toBe(0);
    expectNoFillers(result);
    const backups = jsonLines(result.stdout) as Record<string, unknown>[];
    expect(backups).toHaveLength(3);
    for (const backup of backups) expect(Object.keys(backup).sort()).toEqual(BACKUP_KEYS);
  });

  it('backups create --wait: finds the new backup and prints what it has', async () => {
    const args = ['backups', 'create', ...byName, '--db-type', 'mysql', '--wait'];
    const wait = ['--timeout', '30s', '--poll-interval', '1s'];
    const human = await runCli([...args, ...wait], { env: env() });
    expect(human.code).toBe(0);
    expectNoFillers(human);
    expect(human.stdout.trimEnd()).toMatch(
      /^backup \d+: mysql, ok, \d{4}-\d\d-\d\d \d\d:\d\d UTC$/,
    );

    const json = await runCli([...args, ...wait, '--json'], { env: env() });
    expect(json.code).toBe(0);
    expectNoFillers(json);
    const doc = JSON.parse(json.stdout) as { backups: Record<string, unknown>[] };
    expect(doc.backups).toHaveLength(1);
    expect(Object.keys(doc.backups[0] ?? {}).sort()).toEqual(BACKUP_KEYS);
  });

  it('backups download --latest: the verified file, and no placeholder in the notes', async () => {
    const result = await runCli(['backups', 'download', ...byName, '--latest', '-o', dir], {
      env: env(),
    });
    expect(result.code).toBe(0);
    expectNoFillers(result);
    expect(result.stderr).toMatch(/^downloading backup (\d+) \(mysql, [^)]+ UTC\) of bare-app$/m);
    const id = Number(/downloading backup (\d+)/.exec(result.stderr)?.[1]);
    const file = result.stdout.trimEnd().split(' (')[0] ?? '';
    const onDisk = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    expect(onDisk).toBe(await sha256(sb.expectedBackupContent(uid, id)));

    const json = await runCli(
      [
        'backups',
        'download',
        '--stack',
        uid,
        '--id',
        String(id),
        '-o',
        dir,
        '--overwrite',
        '--json',
      ],
      { env: env() },
    );
    expect(json.code).toBe(0);
    expectNoFillers(json);
    const doc = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ backup_id: id, db_type: 'mysql' });
    // Checked what could be checked: the size, never a backup_size the server did not send.
    expect(doc.verified).toEqual(expect.arrayContaining(['size']));
    expect(doc.verified).not.toContain('backup_size');
    expect('database_name' in doc).toBe(false);
  });

  it('backups import: queued, and the imported backup lists with dashes', async () => {
    const group = sb.backupGroups(uid).find((g) => g.dbType === 'mysql')?.group;
    const url = 'https://dumps.example.com/bare.tar';
    const client = createClient({ token: sb.token, baseUrl: sb.apiUrl });
    const count = async () => (await client.backups.list(uid).toArray()).length;
    const before = await count();
    const result = await runCli(
      [
        'backups',
        'import',
        ...byName,
        '--group',
        String(group),
        '--db-type',
        'mysql',
        '--url',
        url,
      ],
      { env: env() },
    );
    expect(result.code).toBe(0);
    expectNoFillers(result);
    expect(result.stdout).toMatch(/^bare-app: .+ \(group \d+, mysql\)$/m);
    await until(async () => (await count()) > before, 'the imported backup');
    const list = await runCli(['backups', 'list', ...byName, '--limit', '1'], { env: env() });
    expect(list.code).toBe(0);
    expectNoFillers(list);
    expect(list.stdout.trimEnd().split('\n')[1]).toMatch(/\bmysql\s+-\s+.+\s+-\s+-$/);
  });
});
