import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '../../test/sha256.js';
import { type Client, createClient } from '../client.js';
import { DownloadFailedError, PartInUseError, TargetExistsError } from '../errors/index.js';
import { downloadBackup } from './download-backup.js';
import type { DownloadOptions, DownloadResult } from './options.js';

// Several real downloads of one backup into one folder at once, at chosen interleavings:
// a run is held at a byte by a sandbox stall that the test releases when it wants.
const SIZE = 1024 * 1024 + 4321;
const HOLD_AT = 256 * 1024;
let sb: Sandbox;
let client: Client;
let stackUid: string;
let id: number;
let dir: string;
let target: string;

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
  client = createClient({ token: sb.token, baseUrl: sb.apiUrl, retry: { baseDelayMs: 5 } });
  stackUid = sb.createStack({ name: 'races', backups: 0 }).uid;
  id = sb.addBackups(stackUid, { dbType: 'mysql', sizeBytes: SIZE })[0]?.id ?? 0;
});
afterAll(() => sb.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c66-race-'));
  target = join(dir, 'backup.tar');
});
afterEach(async () => {
  sb.faults.clear();
  await rm(dir, { recursive: true, force: true });
});

const run = (options: Partial<DownloadOptions> = {}) =>
  downloadBackup(client, stackUid, id, { file: target, retryDelayMs: 1, ...options }).then(
    (result): DownloadResult | Error => result,
    (error: Error) => error,
  );

/** Starts a run that the file host holds at byte HOLD_AT; `go()` lets it finish. */
async function held(options: Partial<DownloadOptions> = {}) {
  const hold = sb.faults.inject({
    route: 'download',
    kind: 'stall',
    afterBytes: HOLD_AT,
    ms: 600_000,
  });
  const result = run({ stallTimeoutMs: 600_000, ...options });
  // Held once its GET took the stall (or it ended without one: a refusal).
  let ended = false;
  void result.then(() => {
    ended = true;
  });
  await vi.waitFor(() => expect(hold.hits === 1 || ended).toBe(true), { timeout: 10_000 });
  return { result, go: () => hold.release() };
}

async function expectTargetExact() {
  expect(await sha256(createReadStream(target))).toBe(
    await sha256(sb.expectedBackupContent(stackUid, id)),
  );
}

const isResult = (value: DownloadResult | Error): value is DownloadResult =>
  !(value instanceof Error);

describe('two or more runs, one backup, one target', () => {
  it('started together: one succeeds, the others fail with TargetExistsError, the file is exact', async () => {
    const results = await Promise.all([run(), run(), run()]);
    expect(results.filter(isResult)).toHaveLength(1);
    for (const loser of results.filter((r) => !isResult(r))) {
      expect(loser).toBeInstanceOf(TargetExistsError);
    }
    await expectTargetExact();
    expect(await readdir(dir)).toEqual(['backup.tar']);
  });

  it('A held mid-file while B runs to the end: B wins, A never commits B-or-A partial bytes', async () => {
    const a = await held();
    const b = await run();
    expect(isResult(b)).toBe(true);
    await expectTargetExact();
    a.go();
    const lost = await a.result;
    expect(lost).toBeInstanceOf(TargetExistsError);
    expect((lost as Error).message).toMatch(/appeared during the download/);
    await expectTargetExact();
    expect(await readdir(dir)).toEqual(['backup.tar']);
  });

  it('B starts while A is held, A finishes first: A wins, B loses at its commit and leaves nothing', async () => {
    const a = await held();
    const b = held(); // B is held too, by its own stall
    const bHeld = await b;
    a.go();
    expect(isResult(await a.result)).toBe(true);
    await expectTargetExact();
    bHeld.go();
    expect(await bHeld.result).toBeInstanceOf(TargetExistsError);
    await expectTargetExact();
    expect(await readdir(dir)).toEqual(['backup.tar']);
  });

  it('with overwrite, runs replace each other only with complete files; one found replaced says so', async () => {
    const a = await held({ overwrite: true });
    const results = await Promise.all([run({ overwrite: true }), run({ overwrite: true })]);
    await expectTargetExact();
    a.go();
    const last = await a.result;
    expect(isResult(last)).toBe(true); // the held run commits last: its file stays
    results.push(last);
    for (const result of results.filter((r) => !isResult(r))) {
      expect(result).toBeInstanceOf(TargetExistsError);
      expect((result as Error).message).toMatch(/replaced by another download/);
    }
    await expectTargetExact();
    expect(await readdir(dir)).toEqual(['backup.tar']);
  });
});

describe('resuming a kept .part', () => {
  /**
   * A first run that fails at a reset and keeps its bytes for a later run; returns how
   * many its record vouches for. That count depends on how far the client got reading
   * before the error reached it (a reset discards unread bytes, an erroring body stream
   * its queued chunks), so tests use it rather than assume HOLD_AT.
   */
  async function keptFromAFailedRun(): Promise<number> {
    sb.faults.inject({ route: 'download', kind: 'reset', afterBytes: HOLD_AT, times: 1 });
    const failed = await run({ keepPartial: true, maxAttempts: 1 });
    expect(failed).toBeInstanceOf(DownloadFailedError);
    expect((await readdir(dir)).sort()).toEqual(['backup.tar.part', 'backup.tar.part.json']);
    const { bytes } = JSON.parse(await readFile(`${target}.part.json`, 'utf8')) as {
      bytes: number;
    };
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(HOLD_AT);
    return bytes;
  }

  it('two runs resuming at once: one resumes, the other is refused with PartInUseError', async () => {
    await keptFromAFailedRun();
    const a = await held({ resume: true, keepPartial: true });
    const b = await run({ resume: true, keepPartial: true });
    expect(b).toBeInstanceOf(PartInUseError);
    expect((b as PartInUseError).holder).toMatchObject({ pid: process.pid, host: hostname() });
    a.go();
    const resumed = await a.result;
    expect(isResult(resumed)).toBe(true);
    await expectTargetExact();
    expect(await readdir(dir)).toEqual(['backup.tar']);
  });

  it('a fresh run never touches a .part being resumed; the resumer then loses cleanly', async () => {
    await keptFromAFailedRun();
    const a = await held({ resume: true });
    const fresh = await run();
    expect(isResult(fresh)).toBe(true);
    await expectTargetExact();
    a.go();
    expect(await a.result).toBeInstanceOf(TargetExistsError);
    await expectTargetExact();
    expect(await readdir(dir)).toEqual(['backup.tar']);
  });

  it('a lock left by a run that died is taken over, and the kept bytes are used', async () => {
    const kept = await keptFromAFailedRun();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    const stale = { pid: dead, host: hostname(), startedAt: new Date(0).toISOString() };
    await writeFile(`${target}.part.lock`, JSON.stringify(stale));
    const before = sb.requests.length;
    const result = await run({ resume: true });
    expect(isResult(result)).toBe(true);
    await expectTargetExact();
    const ranges = sb.requests.slice(before).map((r) => r.headers.range);
    expect(ranges.filter(Boolean)).toEqual([`bytes=${kept}-`]);
    expect(await readdir(dir)).toEqual(['backup.tar']);
  });

  it('an empty lock (its owner died before writing it) is stale only once it is old', async () => {
    await keptFromAFailedRun();
    const lock = `${target}.part.lock`;
    await writeFile(lock, '');
    expect(await run({ resume: true, keepPartial: true })).toBeInstanceOf(PartInUseError);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(lock, aMinuteAgo, aMinuteAgo);
    expect(isResult(await run({ resume: true }))).toBe(true);
    await expectTargetExact();
    expect(await readdir(dir)).toEqual(['backup.tar']);
  });

  it('a lock held by a live process on another host is never presumed stale', async () => {
    await keptFromAFailedRun();
    const other = { pid: 1, host: `${hostname()}-elsewhere`, startedAt: new Date().toISOString() };
    await writeFile(`${target}.part.lock`, JSON.stringify(other));
    const refused = await run({ resume: true });
    expect(refused).toBeInstanceOf(PartInUseError);
    expect((refused as Error).message).toContain(`${target}.part.lock`);
    expect(await readFile(`${target}.part.lock`, 'utf8')).toBe(JSON.stringify(other));
  });
});
