import { createClient } from '@c66-backup/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sandboxEnv, until } from '../../../../test/run-cli.js';
import { type Sandbox, startTestSandbox } from '../../../../test/test-sandbox.js';

const REMOTE = 'https://dumps.example.com/blog.tar?X-Amz-Signature=very-secret-signature';

describe('c66-backup backups import', () => {
  let sb: Sandbox;
  let group: string;
  beforeAll(async () => {
    sb = await startTestSandbox({ importDelayMs: 100 });
    const blog = sb.stacks().find((s) => s.name === 'blog');
    const postgres = blog && sb.backupGroups(blog.uid).find((g) => g.dbType === 'postgresql');
    if (!postgres) throw new Error('no postgresql group on blog');
    group = String(postgres.group);
  });
  afterAll(async () => {
    await sb.close();
  });

  it('queues the import, sends the URL to Cloud 66, and never prints it', async () => {
    const result = await runCli(
      [
        'backups',
        'import',
        '--stack',
        'blog',
        '--group',
        group,
        '--db-type',
        'postgresql',
        '--url',
        REMOTE,
        '--json',
      ],
      { env: sandboxEnv(sb) },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ ok: true, group: Number(group), db_type: 'postgresql' });
    expect(typeof doc.message).toBe('string');
    expect(result.stdout).not.toContain('very-secret-signature');
    // Cloud 66 (the sandbox) fetched the URL it was given: the imported backup's file carries
    // its name (`file_name` itself is not a documented backup field, so look at the files).
    const client = createClient({ token: sb.token, baseUrl: sb.apiUrl });
    const blog = sb.stacks().find((s) => s.name === 'blog');
    await until(async () => {
      const [newest] = await client.backups
        .list(blog?.uid ?? '', { dbType: 'postgresql' })
        .toArray({ limit: 1 });
      if (!newest) return false;
      const files = await client.files.list(blog?.uid ?? '', newest.id).toArray();
      return files.some((f) => f.name === 'blog.tar');
    }, 'the imported backup');
  });

  it('prints the queued message for people', async () => {
    const result = await runCli(
      [
        'backups',
        'import',
        '--stack',
        'blog',
        '--group',
        group,
        '--db-type',
        'postgresql',
        '--url',
        REMOTE,
      ],
      { env: sandboxEnv(sb) },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^blog: .+ \\(group ${group}, postgresql\\)$`, 'm'));
  });

  it.each([
    [['--group', '1', '--db-type', 'postgresql'], "required option '--url <url>' not specified"],
    [
      ['--group', 'x', '--db-type', 'postgresql', '--url', REMOTE],
      "error: --group must be a whole number of at least 1, got 'x'",
    ],
    [
      ['--group', '1', '--db-type', 'all', '--url', REMOTE],
      'error: --db-type takes one database type here',
    ],
    [
      ['--group', '1', '--db-type', 'mysql', '--url', 'file:///etc/passwd'],
      'error: --url must be an http(s) URL',
    ],
    [
      ['--group', '1', '--db-type', 'mysql', '--url', 'not a url'],
      'error: --url is not a valid URL',
    ],
  ])('%j is a usage error (exit 2) before any request', async (args, message) => {
    const before = sb.requests.length;
    const result = await runCli(['backups', 'import', '--stack', 'blog', ...args], {
      env: sandboxEnv(sb),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(sb.requests.length).toBe(before);
  });
});
