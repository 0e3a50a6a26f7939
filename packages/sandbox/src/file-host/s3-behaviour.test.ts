import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadUrl, rawGet, readAll } from '../../test/helpers.js';
import { type Sandbox, startSandbox } from '../index.js';

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

describe('S3 behaviour of the file host', () => {
  let sb: Sandbox;
  let uid: string;
  let id: number;
  beforeAll(async () => {
    sb = await startSandbox({ backups: 0 });
    uid = sb.createStack({ name: 's3', dbTypes: ['mysql'], backupSizeBytes: 300_000 }).uid;
    id = sb.addBackups(uid, { dbType: 'mysql', sizeBytes: 300_000 })[0]?.id ?? 0;
  });
  afterAll(() => sb.close());

  for (const status of [301, 302, 303, 307, 308] as const) {
    it(`redirects with ${status} to a second path that serves the same object`, async () => {
      sb.faults.inject({ route: 'download', kind: 'redirect', status });
      const url = await downloadUrl(sb, uid, id, 'tar');
      const first = await rawGet(url, { range: 'bytes=10-' });
      expect(first.status).toBe(status);
      expect(first.body.toString()).toContain('Redirect</Code>');
      const location = String(first.headers.location);
      expect(new URL(location).pathname).toMatch(/^\/s3-mirror\//);
      const second = await rawGet(location, { range: 'bytes=10-' });
      expect(second.status).toBe(206);
      const expected = await readAll(sb.expectedFileContent(uid, id, 'tar'));
      expect(second.body.equals(expected.subarray(10))).toBe(true);
    });
  }

  it('a loop redirect points at the very URL asked; an endless one at a new URL each hop', async () => {
    const url = await downloadUrl(sb, uid, id, 'tar');
    sb.faults.inject({ route: 'download', kind: 'redirect', loop: true });
    expect((await rawGet(url)).headers.location).toBe(url);
    sb.faults.inject({ route: 'download', kind: 'redirect', chain: true, times: 2 });
    const hop1 = String((await rawGet(url)).headers.location);
    const hop2 = String((await rawGet(hop1)).headers.location);
    expect(hop2).not.toBe(hop1);
    expect((await rawGet(hop2)).status).toBe(200);
  });

  it('SSE-KMS and SSE-C objects carry S3 headers and an ETag that is not their MD5; SSE-S3 keeps it', async () => {
    const url = await downloadUrl(sb, uid, id, 'tar');
    const plain = await rawGet(url);
    expect(plain.headers.etag).toBe(`"${md5(plain.body)}"`);
    sb.setObjectEncryption(uid, id, 'aws:kms');
    const kms = await rawGet(url);
    expect(kms.headers['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(kms.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(kms.headers.etag).not.toBe(`"${md5(kms.body)}"`);
    expect(kms.body.equals(plain.body)).toBe(true);
    sb.setObjectEncryption(uid, id, 'sse-c');
    const ssec = await rawGet(url);
    expect(ssec.headers['x-amz-server-side-encryption-customer-algorithm']).toBe('AES256');
    expect(ssec.headers.etag).not.toBe(`"${md5(ssec.body)}"`);
    sb.setObjectEncryption(uid, id, 'AES256');
    const sses3 = await rawGet(url);
    expect(sses3.headers['x-amz-server-side-encryption']).toBe('AES256');
    expect(sses3.headers.etag).toBe(`"${md5(sses3.body)}"`);
    sb.setObjectEncryption(uid, id, null);
  });
});
