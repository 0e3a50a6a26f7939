import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REQUIRED_BACKUP_FIELDS, REQUIRED_STACK_FIELDS } from '@c66-backup/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Backup,
  createBackupAndWait,
  downloadBackup,
  resolveStack,
  type Stack,
  snapshotLatestBackups,
  waitForNewBackup,
} from '../src/index.js';
import { sandboxClient, useSandbox } from './sandbox.js';
import { sha256 } from './sha256.js';

// A stack and backups carrying only the fields the policy requires (docs/field-policy.md):
// every flow of the core must still work on them, under either sandbox profile.
const sandbox = useSandbox({
  backupDelayMs: 50,
  importDelayMs: 50,
  splitThresholdBytes: 64 * 1024,
});
let uid: string;
let dir: string;

beforeAll(async () => {
  uid = sandbox().createStack({
    name: 'bare',
    environment: 'staging',
    dbTypes: ['mysql', 'redis'],
    backups: 4,
    fields: 'required',
  }).uid;
  dir = await mkdtemp(join(tmpdir(), 'c66-bare-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const defined = (record: object) =>
  Object.entries(record)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
    .sort();

describe('a stack with only the required fields', () => {
  it('is listed, got by uid and resolved by name and environment', async () => {
    const { client } = sandboxClient(sandbox());
    const listed = (await client.stacks.list().toArray()).find((s) => s.uid === uid) as Stack;
    expect(defined(listed)).toEqual([...REQUIRED_STACK_FIELDS].sort());
    expect(listed.status).toBeUndefined();
    const got = await client.stacks.get(uid);
    expect(got).toEqual(listed);
    const resolved = await resolveStack(client, { stack: 'bare', environment: 'staging' });
    expect(resolved.uid).toBe(uid);
  });

  it('lists its backups newest first and gets one, with only the required fields', async () => {
    const { client } = sandboxClient(sandbox());
    const backups = await client.backups.list(uid).toArray();
    expect(backups.map((b) => b.id)).toEqual([...backups.map((b) => b.id)].sort((a, b) => b - a));
    for (const b of backups) expect(defined(b)).toEqual([...REQUIRED_BACKUP_FIELDS].sort());
    const [newest] = backups as [Backup];
    expect(newest.backup_size).toBeUndefined();
    expect(await client.backups.get(uid, newest.id)).toEqual(newest);
    const redis = await client.backups.list(uid, { dbType: 'redis' }).toArray();
    expect(redis.length).toBe(2);
    expect(redis.every((b) => b.db_type === 'redis')).toBe(true);
  });

  it('creates a backup and waits for it, on the two correlated dates alone', async () => {
    const { client } = sandboxClient(sandbox());
    const result = await createBackupAndWait(
      client,
      uid,
      { dbTypes: ['mysql', 'redis'] },
      { pollIntervalMs: 25 },
    );
    expect(result.queued).toEqual({ ok: true, message: 'queued for creation' });
    for (const dbType of ['mysql', 'redis'] as const) {
      const backup = result.backups?.[dbType] as Backup;
      expect(backup.id).toBeGreaterThan(result.since.latestIds[dbType] ?? 0);
      expect(defined(backup)).toEqual([...REQUIRED_BACKUP_FIELDS].sort());
    }
  });

  it('downloads a multi-part backup byte for byte without backup_size', async () => {
    const { client } = sandboxClient(sandbox());
    const [added] = sandbox().addBackups(uid, { dbType: 'mysql', sizeBytes: 200 * 1024 });
    const id = (added as { id: number }).id;
    const result = await downloadBackup(client, uid, id, { dir });
    expect(result.parts.length).toBeGreaterThan(1);
    expect(await sha256(createReadStream(result.path))).toBe(
      await sha256(sandbox().expectedBackupContent(uid, id)),
    );
  });

  it('imports a backup and sees it appear', async () => {
    const { client } = sandboxClient(sandbox());
    const [group] = sandbox().backupGroups(uid);
    if (!group) throw new Error('no backup group');
    const since = await snapshotLatestBackups(client, uid, [group.dbType]);
    const queued = await client.backups.import(uid, {
      group: group.group,
      dbType: group.dbType,
      remoteUrl: 'https://example.com/dumps/prod.tar',
    });
    expect(queued.message).toBe('Your external backup queued for upload');
    const found = await waitForNewBackup(client, uid, {
      dbTypes: [group.dbType],
      since,
      pollIntervalMs: 25,
      timeoutMs: 5000,
    });
    expect(defined(found[group.dbType] as Backup)).toEqual([...REQUIRED_BACKUP_FIELDS].sort());
  });
});
