import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, formatBytes } from '@c66-backup/core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { digest, digestFile } from './bytes.js';
import { addFixtures, type Fixtures, SPLIT_BYTES, stackUid } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';
import { scenario as scenarioOf } from './scenario.js';
import type { TreeRow } from './tree-view.js';
import { waitFor } from './wait-for.js';

const PAGE = 30;
/** A backup's description starts with how old it is: "just now", "3 minutes ago". */
const RELATIVE_DATE = /^(just now|\d+ (second|minute|hour)s? ago) · /;

let h: Harness;
let paging: Fixtures['paging'];
let multipart: Fixtures['multipart'];
const scenario = (name: string, run: () => Promise<void>) => scenarioOf(name, () => h, run);

beforeAll(async () => {
  const started = Date.now();
  h = await startHarness({ splitThresholdBytes: SPLIT_BYTES, backupDelayMs: 3_000 });
  ({ paging, multipart } = addFixtures(h.sb));
  console.log(
    `e2e: harness (package, install, code-server, workbench) ready in ${Date.now() - started} ms`,
  );
});

afterAll(async () => {
  await h?.close();
});

describe('the Cloud 66 Backups extension in code-server', () => {
  scenario('1 welcome view, then sign in through the command palette', async () => {
    const { workbench, page, tree, sb } = h;
    await workbench.openActivity('Cloud 66');
    await workbench.resizeSideBar(620);
    const welcome = page.locator('.part.sidebar .welcome-view-content');
    await expect
      .poll(() => welcome.textContent(), { timeout: 60_000 })
      .toContain('Sign in with a Cloud 66 personal access token');
    await expect(
      welcome.locator('.monaco-button', { hasText: 'Sign in' }).isVisible(),
    ).resolves.toBe(true);
    await h.screenshot('1-welcome');

    await workbench.runCommand('Cloud 66: Sign in');
    await expect.poll(() => workbench.quickInput.text()).toContain('personal access token');
    await workbench.quickInput.answer(sb.token);

    await tree.row('e2e-parts');
    const shown = (await tree.allRows()).filter((r) => r.level === 1);
    const expected = sb.stacks().map((s) => ({ label: s.name, description: s.environment }));
    // Every stack of the account, in the API's order.
    expect(shown.map(({ label, description }) => ({ label, description }))).toEqual(expected);
    await expect(welcome.isVisible()).resolves.toBe(false);
  });

  scenario('2 a stack lists its backups newest first, 30 a page, and loads more', async () => {
    const { tree } = h;
    // Newest first: the last added backup (highest id) on top.
    const expected = [...paging.backups].reverse().map((b) => ({
      label: `${b.db_type} · ${b.database_name}`,
      size: formatBytes(b.backup_size),
    }));
    const expectRows = (rows: TreeRow[], count: number) => {
      expect(rows.slice(0, count).map((r) => r.label)).toEqual(
        expected.slice(0, count).map((e) => e.label),
      );
      // "2 minutes ago · 12 MB": the sizes (all different) pin the order down.
      expect(rows.slice(0, count).map((r) => r.description.replace(/^.+ · /, ''))).toEqual(
        expected.slice(0, count).map((e) => e.size),
      );
      for (const row of rows.slice(0, count)) expect(row.description).toMatch(RELATIVE_DATE);
    };

    await tree.expand(paging.name);
    let children = await tree.childrenOf(paging.name);
    expect(children).toHaveLength(PAGE + 1);
    expectRows(children, PAGE);
    expect(children.at(-1)?.label).toBe('Load more…');
    await h.screenshot('2-first-page');

    await (await tree.row('Load more…')).click();
    await waitFor(`the second page under ${paging.name}`, async () => {
      children = await tree.childrenOf(paging.name);
      if (children.length !== 2 * PAGE + 1) throw new Error(`${children.length} rows so far`);
      return true;
    });
    expectRows(children, 2 * PAGE);
    expect(children.at(-1)?.label).toBe('Load more…');
  });

  scenario('3 a multi-part backup lists its parts in order', async () => {
    const { tree, sb, workbench } = h;
    await workbench.clickViewAction('Collapse All');
    await tree.expand(multipart.name);
    const [backupRow] = await tree.childrenOf(multipart.name);
    expect(backupRow?.label).toBe(multipart.backupLabel);
    await tree.expand(multipart.backupLabel);
    const files = await tree.childrenOf(multipart.backupLabel);
    const expected = sb.backupFiles(multipart.uid, multipart.backupId);
    expect(expected.length).toBe(3);
    // Parts in joining order (x.tar-aa, x.tar-ab, ...), each with its file id.
    const inOrder = [...expected].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(files.map((f) => f.label)).toEqual(inOrder.map((f) => f.name));
    expect(files.map((f) => f.label.slice(-3))).toEqual(['-aa', '-ab', '-ac']);
    expect(files.map((f) => f.description)).toEqual(inOrder.map((f) => f.id));
  });

  scenario('3b each backup shows its state as its icon (the README screenshot)', async () => {
    const { tree, sb, workbench } = h;
    await workbench.clickViewAction('Collapse All');
    const client = createClient({ token: sb.token, baseUrl: sb.apiUrl });
    const { items } = await client.backups.list(stackUid(sb, 'blog')).page(1);
    const failed = items.map((b) => b.backup_status.name === 'failed');
    const verified = items.map((b, i) => !failed[i] && b.verify_status.name === 'verified');
    // The seeded stack has both, so the check below can fail either way.
    expect(failed.filter(Boolean).length).toBeGreaterThan(0);
    expect(verified.filter(Boolean).length).toBeGreaterThan(0);

    await tree.expand('blog');
    const rows = (await tree.childrenOf('blog')).slice(0, PAGE);
    expect(rows.map((r) => r.icon === 'codicon-error')).toEqual(failed);
    expect(rows.map((r) => r.icon === 'codicon-verified-filled')).toEqual(verified);
    await tree.scrollToTop();
    await h.screenshot('tree', { sideBarOnly: true });
  });

  scenario('4 download a backup from its context menu: the joined file is byte-exact', async () => {
    const { tree, sb, workbench, server } = h;
    await workbench.clickViewAction('Collapse All');
    await tree.expand(multipart.name);
    await workbench.contextMenu(await tree.row(multipart.backupLabel), 'Download backup…');

    const target = join(server.workspace, 'joined-backup.tar');
    // The dialog proposes the joined file's name: the parts' name without "-aa".
    const joinedName = sb
      .backupFiles(multipart.uid, multipart.backupId)[0]
      ?.name.replace(/-a[a-z]$/, '');
    const input = await workbench.quickInput.box();
    await expect.poll(async () => (await input.inputValue()).endsWith(`/${joinedName}`)).toBe(true);
    await workbench.quickInput.answerSaveDialog(target);

    const done = await workbench.waitForNotification(/Downloaded backup/, 120_000);
    await expect(done.textContent()).resolves.toContain(target);
    const [onDisk, expected] = await Promise.all([
      digestFile(target),
      digest(sb.expectedBackupContent(multipart.uid, multipart.backupId)),
    ]);
    expect(onDisk).toEqual(expected);
    expect(onDisk.bytes).toBeGreaterThan(2 * SPLIT_BYTES);
    // Nothing else (no leftover partial file) next to it.
    expect(readdirSync(server.workspace)).toEqual(['joined-backup.tar']);
  });

  scenario('5 create a backup on a stack: it appears when the sandbox finishes it', async () => {
    const { tree, workbench } = h;
    await workbench.clickViewAction('Collapse All');
    await tree.expand('fresh-app');
    expect((await tree.childrenOf('fresh-app')).map((r) => r.label)).toEqual(['No backups yet']);

    await workbench.contextMenu(await tree.row('fresh-app'), 'Create backup…');
    await expect.poll(() => workbench.quickInput.text()).toContain('databases');
    await workbench.quickInput.pickMany(['mysql']);
    await expect.poll(() => workbench.quickInput.text()).toContain('options');
    await workbench.quickInput.accept();

    const ready = await workbench.waitForNotification(/Backup of fresh-app .* ready/, 120_000);
    const message = (await ready.textContent()) ?? '';
    const id = Number(/mysql #(\d+)/.exec(message)?.[1]);
    expect(Number.isInteger(id)).toBe(true);
    const children = await tree.childrenOf('fresh-app');
    expect(children).toHaveLength(1);
    expect(children[0]?.label).toMatch(/^mysql · \S/);
    expect(children[0]?.description).toMatch(RELATIVE_DATE);
    const stackRow = (await tree.allRows()).find((r) => r.label === 'fresh-app');
    expect(stackRow?.description).toBe('development');
    // The create request reached the API with what was picked.
    const tasks = h.sb.backupTasks(stackUid(h.sb, 'fresh-app'));
    expect(tasks.map((t) => ({ dbType: t.dbType, gzip: t.gzip }))).toEqual([
      { dbType: 'mysql', gzip: true },
    ]);
  });

  scenario('6 a rejected token shows "sign in again"', async () => {
    const { tree, workbench, sb } = h;
    sb.revokeToken(sb.token);
    await workbench.runCommand('Cloud 66: Refresh');
    await tree.row('Token rejected — sign in again');
    const rows = await tree.allRows();
    expect(rows.map((r) => r.label)).toEqual(['Token rejected — sign in again']);
    await h.screenshot('6-token-rejected');
    // The item is the way back in: a click asks for a token again.
    await (await tree.row('Token rejected — sign in again')).click();
    await expect.poll(() => workbench.quickInput.text()).toContain('personal access token');
  });
});
