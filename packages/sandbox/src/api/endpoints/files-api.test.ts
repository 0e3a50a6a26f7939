import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFilesSandbox } from '../../../test/files-sandbox.js';
import { api } from '../../../test/helpers.js';
import type { Sandbox } from '../../index.js';

const MiB = 1024 * 1024;

describe('files and the file host', () => {
  let sb: Sandbox;
  const clock = Date.now();
  let uid: string;
  let small: number;
  let multi: number;
  beforeAll(async () => {
    ({ sb, uid, small, multi } = await startFilesSandbox(() => clock));
  });
  afterAll(() => sb.close());

  it('lists one tar file for a small backup', async () => {
    const res = await api(sb, `/stacks/${uid}/backups/${small}/files`);
    expect(res.json).toEqual({
      response: [{ id: 'tar', name: 'files_production.tar' }],
      count: 1,
      pagination: { previous: null, next: null, current: 1, per_page: 30, count: 1, pages: 1 },
    });
  });

  it('lists parts tar-aa, tar-ab, ... above the split threshold', async () => {
    const res = await api(sb, `/stacks/${uid}/backups/${multi}/files`);
    expect(res.json.response).toEqual(
      ['aa', 'ab', 'ac', 'ad'].map((s) => ({ id: `tar-${s}`, name: `files_production.tar-${s}` })),
    );
    expect(sb.backupFiles(uid, multi).map((f) => f.size)).toEqual([MiB, MiB, MiB, MiB / 2]);
  });

  it('answers no files for a failed backup and 404 for an unknown file', async () => {
    const failed = sb.addBackups(uid, { dbType: 'mysql', status: 'failed' })[0]?.id;
    expect((await api(sb, `/stacks/${uid}/backups/${failed}/files`)).json.count).toBe(0);
    const res = await api(sb, `/stacks/${uid}/backups/${small}/files/tar-zz`);
    expect(res.status).toBe(404);
    expect(res.json.error).toBe('not_found');
  });

  it('hands out a presigned URL double-encoded like Cloud 66, with \\u0026 separators', async () => {
    const res = await api(sb, `/stacks/${uid}/backups/${small}/files/tar`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/AWSAccessKeyId=\w+\\u0026Expires=\d+\\u0026Signature=/);
    expect(res.text).not.toContain('&');
    const url = new URL(res.json.response.public_url);
    expect(res.json.response.ok).toBe(true);
    expect(url.origin).toBe(sb.origin);
    expect(Number(url.searchParams.get('Expires'))).toBe(Math.floor(clock / 1000) + 60);
    // A base64 HMAC-SHA1 always ends in "=", which arrives as %253D: encoded twice.
    const raw = res.json.response.public_url.split('Signature=')[1];
    expect(raw).toMatch(/%253D$/);
    expect(raw).not.toMatch(/%(?!25)/);
  });
});
