import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Backup, formatBytes, orderParts } from '@c66-backup/core';
import { digest, digestFile, directDigest } from '@c66-backup/core/testing';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { SPLIT_BYTES, stackUid } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';
import { scenario as scenarioOf } from './scenario.js';
import type { StackRef } from './subjects.js';
import { startTarget } from './target.js';
import type { RowMatch, TreeRow } from './tree-view.js';
import { waitFor } from './wait-for.js';

const PAGE = 30;
/** A backup's description starts with how old it is: "just now", "3 minutes ago", "yesterday". */
const RELATIVE_DATE =
  /^(just now|yesterday|(last|next) (week|month|year)|\d+ (second|minute|hour|day|week|month|year)s? ago)( · |$)/;

// The sandbox in this process, or the server named by C66_E2E_API_URL / C66_E2E_TOKEN.
const target = await startTarget();
const { client, subjects } = target;
const sandbox = target.sandbox;
/** Why a scenario that needs the sandbox's controls or fixtures cannot run here. */
const NEEDS_SANDBOX = sandbox ? undefined : 'needs the in-process sandbox and its controls';

let h: Harness;
const scenario = (name: string, run: () => Promise<void>, notApplicable?: string) =>
  scenarioOf(name, () => h, run, notApplicable);

/** The sandbox, in a scenario registered only when there is one. */
function sb() {
  if (!sandbox) throw new Error('this scenario needs the in-process sandbox');
  return sandbox;
}

/** A stack's row: its name and environment (names repeat across environments). */
const stackRow =
  (stack: StackRef): RowMatch =>
  (row) =>
    row.level === 1 && row.label === stack.name && row.description.startsWith(stack.environment);

/** What the extension shows for a backup: `mysql · shop_db` (or `mysql`), then its size. */
function shownAs(backup: Backup): { label: string; size: string | undefined } {
  const label = [backup.db_type, backup.database_name].filter((p) => p).join(' · ');
  const size = typeof backup.backup_size === 'number' ? formatBytes(backup.backup_size) : undefined;
  return { label, size };
}

/** The subject backup's row under its expanded stack (labels repeat, so by position). */
async function subjectBackupRow(): Promise<TreeRow> {
  const { stack, index } = subjects.backup;
  await h.workbench.clickViewAction('Collapse All');
  await h.tree.expand(stackRow(stack));
  const row = (await h.tree.childrenOf(stackRow(stack)))[index];
  if (!row) throw new Error(`no backup row ${index} under ${stack.name}`);
  return row;
}

beforeAll(async () => {
  const started = Date.now();
  h = await startHarness(target.apiUrl);
  console.log(
    `e2e: ${target.mode === 'sandbox' ? 'in-process sandbox' : `external server ${new URL(target.apiUrl).origin}`}; harness (package, install, code-server, workbench) ready in ${Date.now() - started} ms`,
  );
});

afterAll(async () => {
  await h?.close();
  await target.close();
});

describe('the Cloud 66 Backups extension in code-server', () => {
  scenario('1 welcome view, then sign in through the command palette', async () => {
    const { workbench, page, tree } = h;
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
    await workbench.quickInput.answer(target.token);

    const stacks = await client.stacks.list().toArray();
    const expected = stacks.map((s) => ({ label: s.name, description: s.environment }));
    if (sandbox)
      expect(expected.map((s) => s.label)).toEqual(sandbox.sb.stacks().map((s) => s.name));
    const last = stacks.at(-1);
    if (!last) throw new Error('the server lists no stacks: nothing to show');
    await tree.row(stackRow(last));
    const shown = (await tree.allRows()).filter((r) => r.level === 1);
    // Every stack of the account, in the API's order.
    expect(shown.map(({ label, description }) => ({ label, description }))).toEqual(expected);
    await expect(welcome.isVisible()).resolves.toBe(false);
  });

  const { paging } = subjects;
  scenario('2 a stack lists its backups newest first, 30 a page', async () => {
    const { tree, workbench } = h;
    await workbench.clickViewAction('Collapse All');
    const first = await client.backups.list(paging.uid).page(1);
    if (sandbox) {
      // Newest first: the last backup the fixtures added (highest id) on top.
      const added = [...sandbox.fixtures.paging.backups].reverse().map((b) => b.id);
      expect(first.items.map((b) => b.id)).toEqual(added.slice(0, PAGE));
    }
    await tree.expand(stackRow(paging));
    const children = await tree.childrenOf(stackRow(paging));
    expectRows(children, first.items);
    expect(children).toHaveLength(first.items.length + (first.next === null ? 0 : 1));
    if (first.next !== null) expect(children.at(-1)?.label).toBe('Load more…');
    await h.screenshot('2-first-page');
  });

  scenario(
    '2b "Load more" appends the next page',
    async () => {
      const { tree } = h;
      const two = await client.backups
        .list(paging.uid)
        .toArray({ limit: 2 * PAGE, concurrency: 1 });
      await (await tree.row('Load more…')).click();
      let children: TreeRow[] = [];
      await waitFor(`the second page under ${paging.name}`, async () => {
        children = await tree.childrenOf(stackRow(paging));
        if (children.length < two.length) throw new Error(`${children.length} rows so far`);
        return true;
      });
      expectRows(children, two);
      if (paging.pages > 2) expect(children.at(-1)?.label).toBe('Load more…');
    },
    paging.pages > 1 ? undefined : `stack ${paging.name} has a single page of backups`,
  );

  scenario('3 a backup lists its files in joining order', async () => {
    const { tree } = h;
    const { stack, id } = subjects.backup;
    const row = await subjectBackupRow();
    const backup = await client.backups.get(stack.uid, id);
    expect(row.label).toBe(shownAs(backup).label);
    await tree.expand((r) => r.index === row.index);
    const files = await tree.childrenOf((r) => r.index === row.index);
    const listed = await client.files.list(stack.uid, id).toArray();
    // Parts in joining order (x.tar-aa, x.tar-ab, ...), each with its file id.
    const inOrder = orderParts(listed).parts;
    expect(files.map((f) => f.label)).toEqual(inOrder.map((f) => f.name));
    expect(files.map((f) => f.description)).toEqual(inOrder.map((f) => f.id));
    if (sandbox) {
      expect(inOrder.map((f) => f.name.slice(-3))).toEqual(['-aa', '-ab', '-ac']);
      expect(sb().sb.backupFiles(stack.uid, id).length).toBe(3);
    }
  });

  scenario(
    '3b each backup shows its state as its icon (the README screenshot)',
    async () => {
      const { tree, workbench } = h;
      await workbench.clickViewAction('Collapse All');
      const { items } = await client.backups.list(stackUid(sb().sb, 'blog')).page(1);
      const failed = items.map((b) => b.backup_status.name === 'failed');
      const verified = items.map((b, i) => !failed[i] && b.verify_status?.name === 'verified');
      // The seeded stack has both, so the check below can fail either way.
      expect(failed.filter(Boolean).length).toBeGreaterThan(0);
      expect(verified.filter(Boolean).length).toBeGreaterThan(0);

      await tree.expand('blog');
      const rows = (await tree.childrenOf('blog')).slice(0, PAGE);
      expect(rows.map((r) => r.icon === 'codicon-error')).toEqual(failed);
      expect(rows.map((r) => r.icon === 'codicon-verified-filled')).toEqual(verified);
      await tree.scrollToTop();
      await h.screenshot('tree', { sideBarOnly: true });
    },
    NEEDS_SANDBOX,
  );

  scenario('4 download a backup from its context menu: byte-exact with its URLs', async () => {
    const { tree, workbench, server } = h;
    const { stack, id } = subjects.backup;
    const row = await subjectBackupRow();
    await workbench.contextMenu(await tree.row((r) => r.index === row.index), 'Download backup…');

    const target = join(server.workspace, 'joined-backup.tar');
    // The dialog proposes the joined file's name: the parts' name without "-aa".
    const listed = await client.files.list(stack.uid, id).toArray();
    const joinedName = orderParts(listed).name;
    const input = await workbench.quickInput.box();
    await expect.poll(async () => (await input.inputValue()).endsWith(`/${joinedName}`)).toBe(true);
    await workbench.quickInput.answerSaveDialog(target);

    const done = await workbench.waitForNotification(/Downloaded backup/, 300_000);
    await expect(done.textContent()).resolves.toContain(target);
    // The same bytes as each file fetched directly through its presigned URL, joined.
    const [onDisk, direct] = await Promise.all([
      digestFile(target),
      directDigest(client, stack.uid, id),
    ]);
    expect(onDisk).toEqual(direct);
    if (sandbox) {
      expect(onDisk).toEqual(await digest(sandbox.sb.expectedBackupContent(stack.uid, id)));
      expect(onDisk.bytes).toBeGreaterThan(2 * SPLIT_BYTES);
    }
    // Nothing else (no leftover partial file) next to it.
    expect(readdirSync(server.workspace)).toEqual(['joined-backup.tar']);
  });

  scenario(
    '5 create a backup on a stack: it appears when the sandbox finishes it',
    async () => {
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
      const stackRowShown = (await tree.allRows()).find((r) => r.label === 'fresh-app');
      expect(stackRowShown?.description).toBe('development');
      // The create request reached the API with what was picked.
      const tasks = sb().sb.backupTasks(stackUid(sb().sb, 'fresh-app'));
      expect(tasks.map((t) => ({ dbType: t.dbType, gzip: t.gzip }))).toEqual([
        { dbType: 'mysql', gzip: true },
      ]);
    },
    NEEDS_SANDBOX,
  );

  scenario('6 a wrong token at sign-in is rejected and nothing is saved', async () => {
    const { tree, workbench } = h;
    await workbench.runCommand('Cloud 66: Sign in');
    await expect.poll(() => workbench.quickInput.text()).toContain('personal access token');
    await workbench.quickInput.answer('c66-e2e-not-a-token-0000000000000000000000');
    await workbench.waitForNotification(/Cloud 66 rejected this token\. Nothing was saved\./);
    // Still signed in with the good token: the stacks are still listed.
    await workbench.runCommand('Cloud 66: Refresh');
    await tree.row(stackRow(paging));
  });

  scenario(
    '7 a revoked token shows "sign in again"',
    async () => {
      const { tree, workbench } = h;
      sb().sb.revokeToken(target.token);
      await workbench.runCommand('Cloud 66: Refresh');
      await tree.row('Token rejected — sign in again');
      const rows = await tree.allRows();
      expect(rows.map((r) => r.label)).toEqual(['Token rejected — sign in again']);
      await h.screenshot('7-token-rejected');
      // The item is the way back in: a click asks for a token again.
      await (await tree.row('Token rejected — sign in again')).click();
      await expect.poll(() => workbench.quickInput.text()).toContain('personal access token');
    },
    NEEDS_SANDBOX,
  );
});

/** Rows in the API's order: labels, sizes (where known) and a relative date each. */
function expectRows(rows: TreeRow[], backups: readonly Backup[]): void {
  const shown = rows.slice(0, backups.length);
  expect(shown.map((r) => r.label)).toEqual(backups.map((b) => shownAs(b).label));
  expect(shown.map((r) => r.description.split(' · ')[1])).toEqual(
    backups.map((b) => shownAs(b).size),
  );
  for (const row of shown) expect(row.description).toMatch(RELATIVE_DATE);
}
