import { afterEach, describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import { childrenOf, type Harness, labels, startHarness } from '../../test/harness.js';
import { COMMANDS, CONTEXT, SIGNED_IN_CONTEXT, TOKEN_SECRET_KEY } from '../ids.js';
import type { TreeNode } from './tree-node.js';

let h: Harness;
afterEach(async () => h?.close());

const item = (node: TreeNode | undefined): vscode.TreeItem => {
  if (!node) throw new Error('no node');
  return node.treeItem();
};
const tooltip = (node: TreeNode | undefined) => {
  const t = item(node).tooltip;
  return typeof t === 'string' ? t : (t?.value ?? '');
};

describe('Backups tree', () => {
  it('is empty while signed out, so the welcome view with Sign in shows', async () => {
    h = await startHarness({ signedIn: false });
    expect(await h.ext.tree.getChildren()).toEqual([]);
    expect(h.context.get(SIGNED_IN_CONTEXT)).toBe(false);
    expect(h.sb.requests).toHaveLength(0);
  });

  it('lists the stacks with environment, and a tooltip with uid, cloud, status and health', async () => {
    h = await startHarness();
    const stacks = await h.ext.tree.getChildren();
    const expected = h.sb.stacks();
    expect(labels(stacks)).toEqual(expected.map((s) => s.name));
    expect(h.context.get(SIGNED_IN_CONTEXT)).toBe(true);
    const first = expected[0];
    const shown = item(stacks[0]);
    expect(shown.description).toBe(first?.environment);
    expect(shown.contextValue).toBe(CONTEXT.stack);
    const tip = tooltip(stacks[0]);
    expect(tip).toContain(first?.uid);
    expect(tip).toMatch(/Status:\*\* \w/);
    expect(tip).toMatch(/Health:\*\* \w/);
  });

  it('shows backups newest first, 30 a page, then "Load more…"', async () => {
    h = await startHarness();
    const stack = h.sb.stacks().find((s) => s.name === 'shop' && s.environment === 'production');
    const stacks = await h.ext.tree.getChildren();
    const node = stacks.find((n) => item(n).id === `stack:${stack?.uid}`);
    const backups = await h.ext.tree.getChildren(node);
    expect(backups).toHaveLength(31);
    expect(item(backups[30]).label).toBe('Load more…');
    expect(item(backups[30]).command?.command).toBe(COMMANDS.loadMore);
    const ids = backups.slice(0, 30).map((b) => Number(String(item(b).id).split(':').pop()));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const first = item(backups[0]);
    expect(first.label).toMatch(/^(mysql|redis) · \S+/);
    expect(first.description).toMatch(/ago · [\d.]+ (B|KB|MB|GB)$/);
    expect(first.contextValue).toBe(CONTEXT.backupOk);
  });

  it('says "No backups yet" for a stack without backups', async () => {
    h = await startHarness();
    expect(labels(await childrenOf(h, 'fresh-app'))).toEqual(['No backups yet']);
  });

  it('shows a failed backup with its reason, and a failure to load as an item with Retry', async () => {
    h = await startHarness();
    const stack = h.sb.createStack({ name: 'flaky', dbTypes: ['mysql'] });
    h.sb.addBackups(stack.uid, { dbType: 'mysql', count: 1, status: 'failed' });
    h.sb.faults.inject({
      route: 'backups.list',
      kind: 'status',
      status: 400,
      body: { error: 'bad_request', error_description: 'the database is on fire' },
      times: Number.POSITIVE_INFINITY,
    });
    const [error] = await childrenOf(h, 'flaky');
    expect(item(error).label).toBe('Could not load: the database is on fire');
    expect(item(error).contextValue).toBe(CONTEXT.error);
    expect(item(error).command?.command).toBe(COMMANDS.retry);

    h.sb.faults.clear();
    await h.run(COMMANDS.retry, error);
    const [failed] = await childrenOf(h, 'flaky');
    expect(item(failed).contextValue).toBe(CONTEXT.backupFailed);
    expect((item(failed).iconPath as vscode.ThemeIcon).id).toBe('error');
    expect(tooltip(failed)).toMatch(/Failure reason:\*\* \S/);
  });

  it('turns a revoked token into "Token rejected — sign in again"', async () => {
    h = await startHarness();
    h.sb.revokeToken(h.sb.token);
    const [node] = await h.ext.tree.getChildren();
    expect(item(node).label).toBe('Token rejected — sign in again');
    expect(item(node).command?.command).toBe(COMMANDS.signIn);
  });

  it('lists the parts of a split backup in joining order', async () => {
    h = await startHarness({ sandbox: { splitThresholdBytes: 10_000 } });
    const stack = h.sb.createStack({
      name: 'split',
      dbTypes: ['postgresql'],
      backups: 1,
      backupSizeBytes: 35_000,
    });
    const [backup] = await childrenOf(h, 'split');
    const files = await h.ext.tree.getChildren(backup);
    const expected = h.sb.backupFiles(stack.uid, Number(String(item(backup).id).split(':').pop()));
    expect(expected.length).toBe(4);
    expect(labels(files)).toEqual(expected.map((f) => f.name));
    expect(files.map((f) => item(f).description)).toEqual(['tar-aa', 'tar-ab', 'tar-ac', 'tar-ad']);
    expect(item(files[0]).contextValue).toBe(CONTEXT.file);
  });

  it('reloads when another window signs out or in, and when apiUrl changes', async () => {
    h = await startHarness();
    expect((await h.ext.tree.getChildren()).length).toBeGreaterThan(0);
    const fired: unknown[] = [];
    h.ext.tree.onDidChangeTreeData((e) => fired.push(e));

    h.secrets.changeFromOtherWindow(TOKEN_SECRET_KEY, undefined);
    await vi_waitFor(() => fired.length > 0);
    expect(await h.ext.tree.getChildren()).toEqual([]);
    expect(h.context.get(SIGNED_IN_CONTEXT)).toBe(false);

    h.secrets.changeFromOtherWindow(TOKEN_SECRET_KEY, h.sb.token);
    await vi_waitFor(() => fired.length > 1);
    expect((await h.ext.tree.getChildren()).length).toBe(h.sb.stacks().length);

    const { startSandbox } = await import('@c66-backup/sandbox');
    const other = await startSandbox({ port: 0, profile: h.sb.profile, token: h.sb.token });
    try {
      other.createStack({ name: 'only-on-the-other-api' });
      h.setApiUrl(other.apiUrl);
      expect(labels(await h.ext.tree.getChildren())).toContain('only-on-the-other-api');
    } finally {
      await other.close();
    }
  });

  it('Refresh fetches everything again, so new stacks and backups appear', async () => {
    h = await startHarness();
    const [before] = await childrenOf(h, 'blog');
    const blog = h.sb.stacks().find((s) => s.name === 'blog');
    const [added] = h.sb.addBackups(String(blog?.uid), { dbType: 'postgresql', count: 1 });
    h.sb.createStack({ name: 'brand-new' });
    expect((await childrenOf(h, 'blog'))[0]).toBe(before); // cached until a refresh
    await h.run(COMMANDS.refresh);
    expect(labels(await h.ext.tree.getChildren())).toContain('brand-new');
    const [newest] = await childrenOf(h, 'blog');
    expect(newest?.treeItem().id).toBe(`backup:${blog?.uid}:${added?.id}`);
  });

  it('filters stacks by part of a name or an environment', async () => {
    h = await startHarness();
    h.ui.inputs.push('STAG');
    await h.run(COMMANDS.filterStacks);
    expect((await h.ext.tree.getChildren()).map((n) => item(n).description)).toEqual(['staging']);
    expect(h.view.description).toBe('filter: STAG');
    h.ui.inputs.push('nothing-like-this');
    await h.run(COMMANDS.filterStacks);
    expect(labels(await h.ext.tree.getChildren())).toEqual(['No stacks match "nothing-like-this"']);
    h.ui.inputs.push('');
    await h.run(COMMANDS.filterStacks);
    expect((await h.ext.tree.getChildren()).length).toBe(h.sb.stacks().length);
    expect(h.view.description).toBeUndefined();
  });
});

async function vi_waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
