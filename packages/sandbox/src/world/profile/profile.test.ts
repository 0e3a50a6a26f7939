import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, documented, downloadUrl, keys, rawGet, stackNamed } from '../../../test/helpers.js';
import { type Sandbox, SandboxOptionError, startSandbox } from '../../index.js';

// api-notes.md: the stack fields only the Go client knows (and `is_busy`), and the two
// backup fields the docs' example lacks.
const EXTRA_STACK = [
  'backend',
  'version',
  'revision',
  'namespaces',
  'account_id',
  'account_name',
  'is_cluster',
  'is_inside_cluster',
  'cluster_name',
  'application_address',
  'configstore_namespace',
  'is_busy',
];
const EXTRA_BACKUP = ['file_name', 'logical_backup'];

describe('the documented profile (default)', () => {
  let sb: Sandbox;
  let uid: string;
  let backupId: number;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, rateLimitPerHour: 0 });
    uid = stackNamed(sb, 'shop').uid;
    backupId = sb.addBackups(uid, { dbType: 'mysql' })[0]?.id as number;
  });
  afterAll(() => sb.close());

  it('serves stacks with exactly the keys of the documented examples', async () => {
    expect(sb.profile).toBe('documented');
    const [listed, got] = [documented('stacks-list'), documented('stacks-get')];
    const list = (await api(sb, '/stacks')).json;
    expect(keys(list)).toEqual(keys(listed));
    expect(keys(list.pagination)).toEqual(keys(listed.pagination));
    for (const stack of list.response) expect(keys(stack)).toEqual(keys(listed.response[0]));
    const one = (await api(sb, `/stacks/${uid}`)).json;
    expect(keys(one)).toEqual(keys(got));
    expect(keys(one.response)).toEqual(keys(got.response));
    expect(sb.stacks().map(keys)).toEqual(list.response.map(keys));
  });

  it('serves backups, files, URLs and queued answers with exactly the documented keys', async () => {
    const listed = documented('backups-list');
    const list = (await api(sb, `/stacks/${uid}/backups`)).json;
    expect(keys(list)).toEqual(keys(listed));
    for (const b of list.response) expect(keys(b)).toEqual(keys(listed.response[0]));
    const one = (await api(sb, `/stacks/${uid}/backups/${backupId}`)).json;
    expect(keys(one.response)).toEqual(keys(documented('backups-get').response));
    const files = (await api(sb, `/stacks/${uid}/backups/${backupId}/files`)).json;
    const filesDoc = documented('backup-files-list');
    expect(keys(files)).toEqual(keys(filesDoc));
    expect(keys(files.response[0])).toEqual(keys(filesDoc.response[0]));
    const url = (await api(sb, `/stacks/${uid}/backups/${backupId}/files/tar`)).json;
    expect(keys(url.response)).toEqual(keys(documented('backup-files-get').response));
    const created = await api(sb, `/stacks/${uid}/backups`, {
      method: 'POST',
      body: { db_type: 'redis' },
    });
    expect(keys(created.json.response)).toEqual(keys(documented('backups-create').response));
  });

  it('answers errors with the documented keys', async () => {
    const [example] = documented('error-bodies');
    const missing = await api(sb, '/stacks/0123456789abcdef0123456789abcdef');
    expect(missing.status).toBe(404);
    expect(keys(missing.json)).toEqual(keys(example.body));
    const anonymous = await api(sb, '/stacks', { token: null });
    expect(keys(anonymous.json)).toEqual(keys(example.body));
  });
});

describe('the full profile', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, rateLimitPerHour: 0, profile: 'full' });
  });
  afterAll(() => sb.close());

  it('adds every extra field api-notes names, and only those', async () => {
    const stackDoc = documented('stacks-get').response;
    const backupDoc = documented('backups-get').response;
    const stacks = (await api(sb, '/stacks')).json.response;
    for (const s of stacks) expect(keys(s)).toEqual([...keys(stackDoc), ...EXTRA_STACK].sort());
    const uid = stackNamed(sb, 'shop').uid;
    const all = [];
    for (let page = 1; page <= 6; page++) {
      all.push(...(await api(sb, `/stacks/${uid}/backups?page=${page}`)).json.response);
    }
    for (const b of all) expect(keys(b)).toEqual([...keys(backupDoc), ...EXTRA_BACKUP].sort());
    // The oldest few belong to pruned jobs: Cloud 66 reports null for them.
    expect(all.some((b) => b.logical_backup === null)).toBe(true);
    expect(all.some((b) => b.logical_backup === true)).toBe(true);
  });
});

describe('a bare stack: only the required fields', () => {
  for (const profile of ['documented', 'full'] as const) {
    it(`carries uid, name, environment and bare backups under ${profile}`, async () => {
      const sb = await startSandbox({ port: 0, profile, bareStack: true, backupDelayMs: 10 });
      try {
        const seeded = stackNamed(sb, 'bare');
        const made = sb.createStack({ name: 'bare-too', backups: 3, fields: 'required' });
        for (const stack of [seeded, made]) {
          expect(keys(stack)).toEqual(['environment', 'name', 'uid']);
          const served = (await api(sb, `/stacks/${stack.uid}`)).json.response;
          expect(keys(served)).toEqual(['environment', 'name', 'uid']);
        }
        const bareBackup = ['backup_date_iso', 'backup_status', 'created_at_iso', 'db_type', 'id'];
        const [added] = sb.addBackups(made.uid, { dbType: 'mysql' });
        expect(keys(added ?? {})).toEqual(bareBackup);
        await api(sb, `/stacks/${made.uid}/backups`, {
          method: 'POST',
          body: { db_type: 'mysql' },
        });
        const scheduled = await sb.scheduleBackup(made.uid, 'mysql', { delayMs: 20 });
        expect(keys(scheduled)).toEqual(bareBackup);
        const list = (await api(sb, `/stacks/${made.uid}/backups`)).json.response;
        expect(list.length).toBe(6);
        for (const b of list) expect(keys(b)).toEqual(bareBackup);
        const seededList = (await api(sb, `/stacks/${seeded.uid}/backups`)).json.response;
        expect(seededList.length).toBe(12);
        for (const b of seededList) expect(keys(b)).toEqual(bareBackup);
        // Files and downloads still work: the sandbox keeps what it does not serve.
        const id = seededList[0].id as number;
        const files = (await api(sb, `/stacks/${seeded.uid}/backups/${id}/files`)).json.response;
        expect(files).toEqual([{ id: 'tar', name: 'bare_production.tar' }]);
        const download = await rawGet(await downloadUrl(sb, seeded.uid, id, 'tar'));
        expect(download.status).toBe(200);
        expect(download.body.length).toBe(sb.backupFiles(seeded.uid, id)[0]?.size);
        // The undocumented git filters match what is served: a bare stack has no git.
        const byRepo = (await api(sb, '/stacks?filter_git_repo=anything')).json.response;
        expect(byRepo).toEqual([]);
      } finally {
        await sb.close();
      }
    });
  }

  it('is not seeded unless asked, and a bad profile is refused by name', async () => {
    const sb = await startSandbox({ port: 0 });
    try {
      expect(sb.stacks().some((s) => s.name === 'bare')).toBe(false);
    } finally {
      await sb.close();
    }
    // biome-ignore lint/suspicious/noExplicitAny: an invalid value on purpose
    await expect(startSandbox({ profile: 'everything' as any })).rejects.toThrow(
      new SandboxOptionError('profile must be one of documented, full (got "everything")'),
    );
  });
});
