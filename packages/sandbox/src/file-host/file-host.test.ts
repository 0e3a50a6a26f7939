import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFilesSandbox } from '../../test/files-sandbox.js';
import { api, downloadUrl, rawGet, readAll } from '../../test/helpers.js';
import { type Sandbox, startSandbox } from '../index.js';

const MiB = 1024 * 1024;

describe('files and the file host', () => {
  let sb: Sandbox;
  let clock = Date.now();
  let uid: string;
  let small: number;
  let multi: number;
  beforeAll(async () => {
    ({ sb, uid, small, multi } = await startFilesSandbox(() => clock));
  });
  afterAll(() => sb.close());

  it('serves the file after the encoding is undone, and 403s with S3 XML when it is not', async () => {
    const res = await api(sb, `/stacks/${uid}/backups/${small}/files/tar`);
    const asGiven = await rawGet(res.json.response.public_url);
    expect(asGiven.status).toBe(403);
    expect(asGiven.headers['content-type']).toBe('application/xml');
    expect(asGiven.body.toString()).toContain('<Code>SignatureDoesNotMatch</Code>');
    const ok = await rawGet(res.json.response.public_url.replaceAll('%25', '%'));
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('application/octet-stream');
    expect(ok.headers['accept-ranges']).toBe('bytes');
    expect(Number(ok.headers['content-length'])).toBe(200 * 512);
    expect(ok.body.equals(await readAll(sb.expectedFileContent(uid, small, 'tar')))).toBe(true);
  });

  it('403s a tampered signature with SignatureDoesNotMatch', async () => {
    const url = new URL(await downloadUrl(sb, uid, small, 'tar'));
    url.searchParams.set('Signature', 'AAAA');
    const res = await rawGet(url.toString());
    expect(res.status).toBe(403);
    expect(res.body.toString()).toMatch(/<Error><Code>SignatureDoesNotMatch<\/Code><Message>/);
    url.searchParams.set('Expires', String(Number(url.searchParams.get('Expires')) + 3600));
    expect((await rawGet(url.toString())).status).toBe(403);
  });

  it('403s an expired URL with AccessDenied "Request has expired"', async () => {
    const url = await downloadUrl(sb, uid, small, 'tar');
    clock += 61_000;
    try {
      const res = await rawGet(url);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toBe('application/xml');
      expect(res.body.toString()).toContain(
        '<Code>AccessDenied</Code><Message>Request has expired</Message>',
      );
    } finally {
      clock -= 61_000;
    }
    expect((await rawGet(url)).status).toBe(200);
  });

  it('sends an ETag that is the MD5 of the served bytes', async () => {
    const res = await rawGet(await downloadUrl(sb, uid, multi, 'tar-ab'));
    const md5 = createHash('md5').update(res.body).digest('hex');
    expect(res.headers.etag).toBe(`"${md5}"`);
    expect(res.body.equals(await readAll(sb.expectedFileContent(uid, multi, 'tar-ab')))).toBe(true);
  });

  it('serves ranges with 206 and Content-Range, and 416 when unsatisfiable', async () => {
    const url = await downloadUrl(sb, uid, multi, 'tar-ac');
    const whole = await readAll(sb.expectedFileContent(uid, multi, 'tar-ac'));
    const mid = await rawGet(url, { Range: 'bytes=1000-70999' });
    expect(mid.status).toBe(206);
    expect(mid.headers['content-range']).toBe(`bytes 1000-70999/${MiB}`);
    expect(mid.body.equals(whole.subarray(1000, 71000))).toBe(true);
    const open = await rawGet(url, { Range: 'bytes=1048000-' });
    expect(open.status).toBe(206);
    expect(open.body.equals(whole.subarray(1048000))).toBe(true);
    const suffix = await rawGet(url, { Range: 'bytes=-10' });
    expect(suffix.body.equals(whole.subarray(MiB - 10))).toBe(true);
    const beyond = await rawGet(url, { Range: `bytes=${MiB}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${MiB}`);
    expect(beyond.body.toString()).toContain('<Code>InvalidRange</Code>');
    const staleIfRange = await rawGet(url, { Range: 'bytes=10-', 'If-Range': '"stale"' });
    expect(staleIfRange.status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const url = await downloadUrl(sb, uid, multi, 'tar-ad');
    const head = await rawGet(url, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(MiB / 2));
    expect(head.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(head.body.length).toBe(0);
  });

  it('joins the parts into a valid tar of exactly backup_size bytes', async () => {
    const parts = [];
    for (const f of sb.backupFiles(uid, multi))
      parts.push((await rawGet(await downloadUrl(sb, uid, multi, f.id))).body);
    const joined = Buffer.concat(parts);
    expect(joined.length).toBe(3.5 * MiB);
    expect(joined.equals(await readAll(sb.expectedBackupContent(uid, multi)))).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'c66-sandbox-'));
    try {
      await writeFile(join(dir, 'backup.tar'), joined);
      const { stdout } = await promisify(execFile)('tar', ['-tvf', join(dir, 'backup.tar')]);
      expect(stdout).toMatch(/files_production\.sql/);
      const listed = Number(stdout.trim().split(/\s+/)[2]);
      expect(listed).toBeGreaterThan(3.5 * MiB - 3000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('uses a multipart-style ETag above 64 MiB without reading the file', async () => {
    const local = await startSandbox({ port: 0 });
    try {
      const stack = local.createStack({ name: 'big', backups: 1, backupSizeBytes: 100 * MiB });
      const id = (await api(local, `/stacks/${stack.uid}/backups`)).json.response[0].id;
      const head = await rawGet(await downloadUrl(local, stack.uid, id, 'tar'), {}, 'HEAD');
      expect(head.headers.etag).toMatch(/^"[0-9a-f]{32}-13"$/);
      expect(head.headers['content-length']).toBe(String(100 * MiB));
    } finally {
      await local.close();
    }
  });

  it('403s a URL whose path was changed', async () => {
    const url = new URL(await downloadUrl(sb, uid, small, 'tar'));
    url.pathname = url.pathname.replace('.tar', '.zip');
    const res = await rawGet(url.toString());
    expect(res.status).toBe(403);
  });
});
