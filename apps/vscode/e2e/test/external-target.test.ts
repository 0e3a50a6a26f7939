import { digest, directDigest } from '@c66-backup/core/testing';
import { type Sandbox, startSandbox } from '@c66-backup/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalServer } from '../src/environment.js';
import { startTarget } from '../src/target.js';

// External mode without code-server: a sandbox started here stands in for a server the
// suite did not start (reached only through the URL and token, like a staging account).
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, bareStack: true, splitThresholdBytes: 64 * 1024 });
});
afterAll(async () => {
  await sb?.close();
});
const env = (extra: Record<string, string> = {}) => ({
  C66_E2E_API_URL: sb.apiUrl,
  C66_E2E_TOKEN: sb.token,
  ...extra,
});

describe('external mode', () => {
  it('needs both the URL and the token; neither means the in-process sandbox', () => {
    expect(externalServer({})).toBeUndefined();
    expect(externalServer({ C66_E2E_API_URL: 'http://x/api/3', C66_E2E_TOKEN: 't' })).toEqual({
      apiUrl: 'http://x/api/3',
      token: 't',
      stackUid: undefined,
    });
    expect(() => externalServer({ C66_E2E_API_URL: 'http://x/api/3' })).toThrow(/C66_E2E_TOKEN/);
    expect(() => externalServer({ C66_E2E_TOKEN: 't' })).toThrow(/C66_E2E_API_URL/);
    expect(() => externalServer({ C66_E2E_STACK: 'abc' })).toThrow(/C66_E2E_API_URL/);
  });

  it('chooses the first stack with more than a page, and its smallest successful backup', async () => {
    const target = await startTarget(env());
    expect(target.mode).toBe('external');
    expect(target.sandbox).toBeUndefined();
    const { paging, backup } = target.subjects;
    const client = target.client;
    const stacks = await client.stacks.list().toArray();
    const pages = await Promise.all(stacks.map((s) => client.backups.list(s.uid).page(1)));
    const first = pages.findIndex((p) => p.next !== null);
    expect(paging.uid).toBe(stacks[first]?.uid);
    expect(paging.pages).toBeGreaterThan(1);
    const items = pages[first]?.items ?? [];
    const ok = items.filter((b) => b.backup_status.name === 'ok');
    const smallest = Math.min(...ok.map((b) => b.backup_size ?? Number.POSITIVE_INFINITY));
    expect(items[backup.index]?.id).toBe(backup.id);
    expect(items[backup.index]?.backup_status.name).toBe('ok');
    expect(items[backup.index]?.backup_size).toBe(smallest);
  });

  it('C66_E2E_STACK picks the stack: one page, the download subject without a size', async () => {
    const bare = sb.stacks().find((s) => s.name === 'bare');
    const target = await startTarget(env({ C66_E2E_STACK: bare?.uid ?? '' }));
    expect(target.subjects.paging).toMatchObject({ uid: bare?.uid, pages: 1 });
    const page = await target.client.backups.list(bare?.uid ?? '').page(1);
    const firstOk = page.items.findIndex((b) => b.backup_status.name === 'ok');
    expect(target.subjects.backup.index).toBe(firstOk);
  });

  it('the direct download (each URL fetched, parts joined) equals what the file host serves', async () => {
    const stack = sb.createStack({ name: 'parts', dbTypes: ['mysql'], backups: 0 });
    const [backup] = sb.addBackups(stack.uid, { dbType: 'mysql', count: 1, sizeBytes: 200_000 });
    if (!backup) throw new Error('no backup');
    expect(sb.backupFiles(stack.uid, backup.id).length).toBeGreaterThan(1);
    const target = await startTarget(env());
    const [direct, expected] = await Promise.all([
      directDigest(target.client, stack.uid, backup.id),
      digest(sb.expectedBackupContent(stack.uid, backup.id)),
    ]);
    expect(direct).toEqual(expected);
  });
});
