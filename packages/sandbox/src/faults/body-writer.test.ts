import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFaultySandbox } from '../../test/faulty-sandbox.js';
import { api, downloadUrl, rawGet, readAll } from '../../test/helpers.js';
import type { Sandbox } from '../index.js';

const MiB = 1024 * 1024;

/** Reads until no byte arrives for `quietMs`, then gives up: what a stall looks like. */
function readUntilQuiet(
  url: string,
  quietMs: number,
): Promise<{ bytes: number; stalled: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      let bytes = 0;
      let timer = setTimeout(quiet, quietMs);
      function quiet() {
        req.destroy();
        resolve({ bytes, stalled: true });
      }
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        clearTimeout(timer);
        timer = setTimeout(quiet, quietMs);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ bytes, stalled: false });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('faults', () => {
  let sb: Sandbox;
  let uid: string;
  let id: number;
  beforeAll(async () => {
    ({ sb, uid, id } = await startFaultySandbox());
  });
  afterEach(() => sb.faults.clear());
  afterAll(() => sb.close());

  it('resets a download after the given bytes', async () => {
    const url = await downloadUrl(sb, uid, id, 'tar-ab');
    sb.faults.inject({ route: 'download', kind: 'reset', afterBytes: MiB + 7 });
    const res = await rawGet(url);
    expect(res.status).toBe(200);
    expect(res.error).toBeDefined();
    expect(res.complete).toBe(false);
    // A reset may discard bytes the client had not read yet: never more than afterBytes.
    expect(res.body.length).toBeLessThanOrEqual(MiB + 7);
    expect(res.body.length).toBeGreaterThan(0);
    const expected = await readAll(sb.expectedFileContent(uid, id, 'tar-ab'));
    expect(res.body.equals(expected.subarray(0, res.body.length))).toBe(true);
    // Offsets count from the start of this response's body, also for a Range request.
    sb.faults.inject({ route: 'download', kind: 'reset', afterBytes: 100 });
    const resumed = await rawGet(url, { Range: `bytes=${MiB + 7}-` });
    expect(resumed.status).toBe(206);
    expect(resumed.complete).toBe(false);
    expect(resumed.body.equals(expected.subarray(MiB + 7, MiB + 7 + resumed.body.length))).toBe(
      true,
    );
    expect(resumed.body.length).toBeLessThanOrEqual(100);
    expect((await rawGet(url)).body.equals(expected)).toBe(true);
  });

  it('keeps body faults for the GET when a client sends HEAD first', async () => {
    const url = await downloadUrl(sb, uid, id, 'tar-ac');
    sb.faults.inject({ route: 'download', kind: 'truncate', afterBytes: 10 });
    expect((await rawGet(url, {}, 'HEAD')).status).toBe(200);
    expect((await rawGet(url)).body.length).toBe(10);
  });

  it('truncates a body below its Content-Length', async () => {
    const url = await downloadUrl(sb, uid, id, 'tar-ac');
    sb.faults.inject({ route: 'download', kind: 'truncate', afterBytes: 4096 });
    const res = await rawGet(url);
    expect(res.headers['content-length']).toBe(String(MiB));
    expect(res.body.length).toBe(4096);
    expect(res.complete).toBe(false);
  });

  it('stalls a body mid-way, then finishes it', async () => {
    const url = await downloadUrl(sb, uid, id, 'tar-aa');
    sb.faults.inject({ route: 'download', kind: 'stall', afterBytes: 65536, ms: 10_000 });
    const stalled = await readUntilQuiet(url, 300);
    expect(stalled).toEqual({ bytes: 65536, stalled: true });
    sb.faults.inject({ route: 'download', kind: 'stall', afterBytes: 1000, ms: 50 });
    const res = await rawGet(url);
    expect(res.complete).toBe(true);
    expect(res.body.equals(await readAll(sb.expectedFileContent(uid, id, 'tar-aa')))).toBe(true);
  });

  it('a released stall goes on at once: a test holds a download at a byte, then lets it go', async () => {
    const url = await downloadUrl(sb, uid, id, 'tar-aa');
    const hold = sb.faults.inject({
      route: 'download',
      kind: 'stall',
      afterBytes: 65536,
      ms: 600_000,
    });
    const stalled = await readUntilQuiet(url, 300);
    expect(stalled).toEqual({ bytes: 65536, stalled: true });
    sb.faults.inject({ route: 'download', kind: 'stall', afterBytes: 1000, ms: 600_000 }).release();
    const res = await rawGet(url); // released before it struck: no pause at all
    expect(res.complete).toBe(true);
    expect(res.body.equals(await readAll(sb.expectedFileContent(uid, id, 'tar-aa')))).toBe(true);
    hold.release();
  });

  it('corrupts one byte and keeps the length', async () => {
    const url = await downloadUrl(sb, uid, id, 'tar-aa');
    sb.faults.inject({ route: 'download', kind: 'corrupt', atByte: 123_456 });
    const res = await rawGet(url);
    const expected = await readAll(sb.expectedFileContent(uid, id, 'tar-aa'));
    expect(res.body.length).toBe(expected.length);
    const diffs = [];
    for (let i = 0; i < expected.length; i++) if (res.body[i] !== expected[i]) diffs.push(i);
    expect(diffs).toEqual([123_456]);
  });

  it('breaks API bodies too (reset on a list)', async () => {
    sb.faults.inject({ route: 'stacks.list', kind: 'reset', afterBytes: 10 });
    await expect(api(sb, '/stacks')).rejects.toThrow();
    expect((await api(sb, '/stacks')).status).toBe(200);
  });
});
