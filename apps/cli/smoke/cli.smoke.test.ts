import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@c66-backup/core';
import { digestFile, directDigest } from '@c66-backup/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoFillers, expectNoSecrets, jsonLines, runCli } from '../test/run-cli.js';
import { type SmokeTarget, startSmokeTarget } from './smoke-target.js';

// The CLI as a user runs it against a Cloud 66-compatible server: `pnpm test:smoke` with
// C66_SMOKE_API_URL / C66_SMOKE_TOKEN (a staging account, a sandbox started separately), or
// an in-process sandbox when they are unset. Read-only: nothing is created or imported.
let t: SmokeTarget;
let dir: string;
const env = () => ({ C66_API_URL: t.apiUrl, C66_TOKEN: t.token });
type Row = Record<string, unknown>;

beforeAll(async () => {
  t = await startSmokeTarget();
  dir = await mkdtemp(path.join(tmpdir(), 'c66-smoke-'));
  console.log(`smoke: ${t.mode === 'external' ? new URL(t.apiUrl).origin : 'in-process sandbox'}`);
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The stack to look at: C66_SMOKE_STACK, else the first listed stack with a backup. */
async function subjectStack(): Promise<string> {
  if (t.stackUid) return t.stackUid;
  const stacks = jsonLines((await runCli(['stacks', '--json'], { env: env() })).stdout) as Row[];
  for (const stack of stacks.slice(0, 25)) {
    const uid = String(stack.uid);
    const list = await runCli(['backups', 'list', '--stack', uid, '--limit', '1', '--json'], {
      env: env(),
    });
    if (list.code === 0 && list.stdout.trim() !== '') return uid;
  }
  throw new Error('no stack among the first 25 has a backup: set C66_SMOKE_STACK');
}

describe('c66-backup against the smoke target', () => {
  let uid: string;
  let backups: Row[];

  it('stacks: a table and JSON lines, uid, name and environment on every stack', async () => {
    const table = await runCli(['stacks'], { env: env() });
    expect(table.code, table.stderr).toBe(0);
    expectNoFillers(table);
    const [header, ...rows] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^NAME\s+ENVIRONMENT\s+UID\s+STATUS$/);
    const json = await runCli(['stacks', '--json'], { env: env() });
    expect(json.code, json.stderr).toBe(0);
    expectNoFillers(json);
    const stacks = jsonLines(json.stdout) as Row[];
    expect(stacks.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(stacks.length);
    for (const s of stacks) {
      for (const key of ['uid', 'name', 'environment']) expect(typeof s[key], key).toBe('string');
    }
    if (t.sandbox) expect(stacks.map((s) => s.uid)).toEqual(t.sandbox.stacks().map((s) => s.uid));
    expectNoSecrets(json, [t.token]);
  });

  it('backups list: newest first, the same backups in the table and in JSON', async () => {
    uid = await subjectStack();
    const args = ['backups', 'list', '--stack', uid, '--limit', '40'];
    const json = await runCli([...args, '--json'], { env: env() });
    expect(json.code, json.stderr).toBe(0);
    expectNoFillers(json);
    backups = jsonLines(json.stdout) as Row[];
    expect(backups.length).toBeGreaterThan(0);
    const ids = backups.map((b) => Number(b.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const table = await runCli(args, { env: env() });
    expect(table.code, table.stderr).toBe(0);
    expectNoFillers(table);
    const rows = table.stdout.trimEnd().split('\n').slice(1);
    expect(rows.map((r) => Number(r.trim().split(/\s+/)[0]))).toEqual(ids);
  });

  it('backups download: the verified file equals its parts fetched through their URLs', async () => {
    // The smallest successful backup listed (size unknown: last), to keep the run short.
    const ok = backups.filter((b) => b.backup_status === 'ok');
    const size = (b: Row) => (typeof b.backup_size === 'number' ? b.backup_size : Infinity);
    const [pick] = [...ok].sort((a, b) => size(a) - size(b));
    if (!pick) throw new Error(`stack ${uid} lists no successful backup among its newest 40`);
    const id = Number(pick.id);
    console.log(`smoke: stack ${uid}, backup ${id}`);
    const result = await runCli(
      ['backups', 'download', '--stack', uid, '--id', String(id), '-o', dir, '--json'],
      { env: env() },
    );
    expect(result.code, result.stderr).toBe(0);
    expectNoFillers(result);
    expectNoSecrets(result, [t.token]);
    const doc = JSON.parse(result.stdout) as { path: string; bytes: number; verified: string[] };
    // What the download checked (main's describe-checks): at least the size.
    expect(doc.verified).toEqual(expect.arrayContaining(['size']));
    expect((await stat(doc.path)).size).toBe(doc.bytes);
    const client = createClient({ token: t.token, baseUrl: t.apiUrl });
    const [onDisk, direct] = await Promise.all([
      digestFile(doc.path),
      directDigest(client, uid, id),
    ]);
    expect(onDisk).toEqual(direct);
  });

  it('a rejected token: exit 1, one error line, the token never shown', async () => {
    const wrong = 'c66-smoke-not-a-token-00000000000000000000';
    const result = await runCli(['stacks'], { env: { C66_API_URL: t.apiUrl, C66_TOKEN: wrong } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .+/m);
    expectNoSecrets(result, [wrong, t.token]);
  });
});
