import { describe, expect, it } from 'vitest';
import { api, downloadUrl, rawGet } from '../../test/helpers.js';
import { SandboxError, SandboxOptionError, startSandbox } from '../index.js';

describe('startSandbox', () => {
  it('listens on 127.0.0.1 and exposes the API and file host on one port', async () => {
    const sb = await startSandbox();
    try {
      expect(sb.apiUrl).toBe(`http://127.0.0.1:${sb.port}/api/3`);
      expect(sb.origin).toBe(`http://127.0.0.1:${sb.port}`);
      const stack = sb.createStack({ name: 'one-port', backups: 1 });
      const id = (await api(sb, `/stacks/${stack.uid}/backups`)).json.response[0].id;
      const url = await downloadUrl(sb, stack.uid, id, 'tar');
      expect(new URL(url).port).toBe(String(sb.port));
      expect(sb.requests.map((r) => r.path.split('/')[1])).toEqual(['api', 'api']);
      await rawGet(url);
      expect(sb.requests.at(-1)?.path).toMatch(/^\/s3\//);
      expect(JSON.stringify(sb.requests)).not.toContain(new URL(url).searchParams.get('Signature'));
    } finally {
      await sb.close();
    }
  });

  it('closes promptly with requests in flight, and twice without harm', async () => {
    const sb = await startSandbox({ port: 0 });
    const stack = sb.createStack({ name: 'busy', backups: 1 });
    const id = (await api(sb, `/stacks/${stack.uid}/backups`)).json.response[0].id;
    const url = await downloadUrl(sb, stack.uid, id, 'tar');
    sb.faults.inject({ route: 'stacks.list', kind: 'latency', ms: 300 });
    sb.faults.inject({ route: 'download', kind: 'stall', afterBytes: 100, ms: 60_000 });
    const slow = api(sb, '/stacks').catch((error: unknown) => error);
    // Under load the close may come before the stalled answer's headers do: then the GET
    // fails instead of ending incomplete. Either way it must not be left hanging, and its
    // rejection is handled from the start (not only once awaited, after close).
    const stalled = rawGet(url).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await Promise.all([sb.close(), sb.close()]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await slow).toBeInstanceOf(Error);
    const download = await stalled;
    expect(download instanceof Error || download.complete === false).toBe(true);
    // The handler that was sleeping wakes up after close: it must not crash anything.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });

  it('rejects impossible options and unknown ids with specific errors', async () => {
    await expect(startSandbox({ splitThresholdBytes: 0 })).rejects.toThrow(SandboxOptionError);
    await expect(startSandbox({ backupDelayMs: -1 })).rejects.toThrow(/backupDelayMs/);
    await expect(startSandbox({ token: 'same', readOnlyToken: 'same' })).rejects.toThrow(/differ/);
    const sb = await startSandbox({ port: 0 });
    try {
      expect(() => sb.addBackups('nope', { dbType: 'mysql' })).toThrow(SandboxError);
      const uid = sb.stacks()[0]?.uid as string;
      expect(() => sb.addBackups(uid, { dbType: 'mysql', sizeBytes: -1 })).toThrow(/sizeBytes/);
      expect(() => sb.createStack({ name: 'x', backups: 1.5 })).toThrow(/backups must be/);
      expect(() => sb.expectedBackupContent(sb.stacks()[0]?.uid as string, 99_999_999)).toThrow(
        /no backup/,
      );
      // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input
      expect(() => sb.createStack({ name: 'x', dbTypes: ['oracle' as any] })).toThrow(/oracle/);
    } finally {
      await sb.close();
    }
  });
});
