import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, formatBytes } from '@c66-backup/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNoSecrets, runCli, sandboxEnv, startCli, until } from '../../../../test/run-cli.js';
import { sha256 } from '../../../../test/sha256.js';
import { type Sandbox, startTestSandbox } from '../../../../test/test-sandbox.js';

const KB = 1024;

const sha256File = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('c66-backup backups download', () => {
  let sb: Sandbox;
  let dir: string;
  let stackUid: string;
  let backupId: number;
  beforeAll(async () => {
    // Small split threshold: the backup comes in several parts the CLI must join.
    sb = await startTestSandbox({ splitThresholdBytes: 256 * KB });
    const stack = sb.createStack({ name: 'dl', dbTypes: ['postgresql', 'mysql'], backups: 0 });
    stackUid = stack.uid;
    sb.addBackups(stackUid, {
      dbType: 'postgresql',
      count: 1,
      sizeBytes: 700 * KB,
      status: 'failed',
    });
    const [ok] = sb.addBackups(stackUid, { dbType: 'postgresql', count: 1, sizeBytes: 700 * KB });
    if (!ok) throw new Error('no backup added');
    backupId = ok.id;
    sb.addBackups(stackUid, { dbType: 'mysql', count: 1, sizeBytes: 10 * KB, status: 'failed' });
  });
  afterAll(async () => {
    await sb.close();
  });
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'c66-cli-dl-'));
  });
  afterEach(async () => {
    sb.faults.clear();
    await rm(dir, { recursive: true, force: true });
  });

  it('--latest joins the parts into one checked file and prints its path, size and checks', async () => {
    const result = await runCli(
      [
        'backups',
        'download',
        '--stack',
        'dl',
        '--latest',
        '--db-type',
        'postgresql',
        '-o',
        dir,
        '--debug',
      ],
      { env: sandboxEnv(sb) },
    );
    expect(result.stderr).not.toMatch(/^error:/m);
    expect(result.code).toBe(0);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const file = path.join(dir, files[0] as string);
    expect(await sha256File(file)).toBe(await sha256(sb.expectedBackupContent(stackUid, backupId)));
    const size = (await stat(file)).size;
    expect(result.stdout.trim()).toBe(
      `${file} (${formatBytes(size)}, ${size} bytes, checked size, MD5, backup_size)`,
    );
    // Several parts were fetched, and neither the token nor a presigned URL was printed.
    const downloads = sb.requests.filter((r) => !r.path.startsWith('/api/3'));
    expect(downloads.length).toBeGreaterThan(1);
    expectNoSecrets(result, [sb.token]);
  });

  it('--id with --json prints one document describing the file and the checks that ran', async () => {
    const result = await runCli(
      ['backups', 'download', '--stack', stackUid, '--id', String(backupId), '-o', dir, '--json'],
      { env: sandboxEnv(sb) },
    );
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Record<string, unknown>;
    const file = path.join(dir, readdirSync(dir)[0] as string);
    expect(doc).toMatchObject({
      path: file,
      bytes: (await stat(file)).size,
      verified: ['size', 'md5', 'backup_size'],
      stack_uid: stackUid,
      backup_id: backupId,
      db_type: 'postgresql',
    });
    expect((doc.parts as unknown[]).length).toBeGreaterThan(1);
  });

  it('an SSE-KMS backup downloads and says its MD5 could not be checked, and why', async () => {
    const kms = sb.createStack({ name: 'kms', dbTypes: ['mysql'], backups: 0 });
    const [backup] = sb.addBackups(kms.uid, { dbType: 'mysql', count: 1, sizeBytes: 20 * KB });
    if (!backup) throw new Error('no backup added');
    sb.setObjectEncryption(kms.uid, backup.id, 'aws:kms');
    const args = ['backups', 'download', '--stack', kms.uid, '--id', String(backup.id)];
    const text = await runCli([...args, '-o', dir], { env: sandboxEnv(sb) });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /bytes, checked size, backup_size; MD5 not checked: an SSE-KMS object's ETag is not an MD5\)$/m,
    );
    const json = await runCli([...args, '-o', path.join(dir, 'json'), '--json'], {
      env: sandboxEnv(sb),
    });
    expect(JSON.parse(json.stdout)).toMatchObject({
      verified: ['size', 'backup_size'],
      parts: [{ verified: ['size'], md5_unavailable: 'sse-kms' }],
    });
  });

  it('refuses to replace an existing file unless --overwrite (exit 1, file untouched)', async () => {
    const first = await runCli(
      ['backups', 'download', '--stack', stackUid, '--latest', '-o', dir, '--json'],
      {
        env: sandboxEnv(sb),
      },
    );
    expect(first.code).toBe(0);
    const { path: file } = JSON.parse(first.stdout) as { path: string };
    await writeFile(file, 'mine');
    const again = await runCli(
      ['backups', 'download', '--stack', stackUid, '--latest', '-o', dir],
      {
        env: sandboxEnv(sb),
      },
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: .*already exists/m);
    expect(await readFile(file, 'utf8')).toBe('mine');
    const forced = await runCli(
      ['backups', 'download', '--stack', stackUid, '--latest', '-o', dir, '--overwrite'],
      { env: sandboxEnv(sb) },
    );
    expect(forced.code).toBe(0);
    expect(await sha256File(file)).toBe(await sha256(sb.expectedBackupContent(stackUid, backupId)));
  });

  it('a failed backup has nothing to download: exit 3 with its reason', async () => {
    const client = createClient({ token: sb.token, baseUrl: sb.apiUrl });
    const [failed] = await client.backups.list(stackUid, { dbType: 'mysql' }).toArray({ limit: 1 });
    if (!failed) throw new Error('no failed backup');
    const result = await runCli(
      ['backups', 'download', '--stack', stackUid, '--id', String(failed.id), '-o', dir],
      {
        env: sandboxEnv(sb),
      },
    );
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(new RegExp(`^error: backup ${failed.id} is failed`, 'm'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--latest with no successful backup of that type: exit 1', async () => {
    const result = await runCli(
      ['backups', 'download', '--stack', stackUid, '--latest', '--db-type', 'mysql', '-o', dir],
      { env: sandboxEnv(sb) },
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error: no successful mysql backup found on this stack');
  });

  it.each([
    [['--id', '1', '--latest'], 'error: pass either --id or --latest, not both'],
    [[], 'error: say which backup: --id <id> or --latest'],
    [['--id', 'x'], "error: --id must be a whole number of at least 1, got 'x'"],
    [['--id', '1', '--db-type', 'mysql'], 'error: --db-type only applies with --latest'],
  ])('%j is a usage error before any request', async (args, message) => {
    const before = sb.requests.length;
    const result = await runCli(['backups', 'download', '--stack', stackUid, '-o', dir, ...args], {
      env: sandboxEnv(sb),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(sb.requests.length).toBe(before);
  });

  it('Ctrl-C mid-download exits 130 and leaves no file, partial or complete', async () => {
    const big = sb.createStack({ name: 'big', dbTypes: ['mysql'], backups: 0 });
    const [backup] = sb.addBackups(big.uid, { dbType: 'mysql', count: 1, sizeBytes: 200 * KB });
    if (!backup) throw new Error('no backup added');
    // The file host sends some bytes, then nothing for a minute.
    sb.faults.inject({
      route: 'download',
      kind: 'stall',
      afterBytes: 64 * KB,
      ms: 60_000,
      times: Infinity,
    });
    const run = startCli(
      ['backups', 'download', '--stack', big.uid, '--id', String(backup.id), '-o', dir],
      {
        env: sandboxEnv(sb),
      },
    );
    await until(() => readdirSync(dir).length > 0, 'the partial file to appear');
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/^error: interrupted$/m);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(path.join(dir, `${backup.file_name}.part`))).toBe(false);
  });
});
