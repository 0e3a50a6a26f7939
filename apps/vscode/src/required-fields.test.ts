import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import { bytesOf, readFile } from '../test/files.js';
import { type Harness, labels, startHarness } from '../test/harness.js';
import { COMMANDS, CONTEXT } from './ids.js';
import { BackupNode } from './tree/backup-node.js';
import { StackNode } from './tree/stack-node.js';
import type { TreeNode } from './tree/tree-node.js';

// A stack whose record and backups carry only the required fields (stack: uid, name,
// environment; backup: id, db_type, backup_status and the two dates): the tree, its tooltips
// and every command still work, and show nothing made up for the fields that are absent.
const FILLERS = /\bundefined\b|\bnull\b|\bNaN\b|Invalid Date/;

let h: Harness;
afterEach(async () => h?.close());

/** Label, description and tooltip, as the editor would show them. */
function shown(node: TreeNode | undefined): { label: string; description: string; tip: string } {
  if (!node) throw new Error('no node');
  const item = node.treeItem();
  const tip = typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
  return { label: String(item.label), description: String(item.description ?? ''), tip };
}

function expectHonest(node: TreeNode | undefined): void {
  const { label, description, tip } = shown(node);
  for (const text of [label, description, tip]) expect(text).not.toMatch(FILLERS);
}

/** The UI said nothing with a placeholder in it: messages, progress, log lines. */
function expectHonestUi(): void {
  const said = [
    ...h.ui.messages.map((m) => m.text),
    ...h.ui.progress.map((p) => `${p.title ?? ''} ${p.message ?? ''}`),
    ...h.logs,
  ];
  for (const text of said) expect(text).not.toMatch(FILLERS);
}

async function bareStack(sandbox = {}): Promise<{ uid: string; node: StackNode }> {
  h = await startHarness({ sandbox: { backupDelayMs: 100, importDelayMs: 0, ...sandbox } });
  const { uid } = h.sb.createStack({
    name: 'bare-app',
    environment: 'production',
    dbTypes: ['mysql'],
    backups: 3,
    fields: 'required',
  });
  const node = (await h.ext.tree.getChildren()).find(
    (n) => n instanceof StackNode && n.stack.uid === uid,
  );
  if (!(node instanceof StackNode)) throw new Error('the bare stack is not in the tree');
  return { uid, node };
}

describe('a stack and backups with only the required fields', () => {
  it('the stack: name, environment, a tooltip with only what was sent', async () => {
    const { uid, node } = await bareStack();
    const { label, description, tip } = shown(node);
    expect({ label, description }).toEqual({ label: 'bare-app', description: 'production' });
    expect(tip).toContain(uid);
    expect(tip).not.toMatch(/Cloud:|Status:|Health:/);
    expectHonest(node);
  });

  it('its backups: "mysql", how old, and a tooltip without the absent fields', async () => {
    const { node } = await bareStack();
    const backups = await h.ext.tree.getChildren(node);
    expect(backups).toHaveLength(3);
    for (const backup of backups) {
      const { label, description, tip } = shown(backup);
      expect(label).toBe('mysql');
      expect(description).toMatch(/^(just now|\d+ \w+ ago|yesterday)$/);
      expect(tip).toMatch(/Backup ID:\*\* \d+/);
      expect(tip).toMatch(/Status:\*\* ok/);
      expect(tip).not.toMatch(/Size:|Verification:|Restore:|Kind:|Server:|Storage path:/);
      expect(backup.treeItem().contextValue).toBe(CONTEXT.backupOk);
      expect((backup.treeItem().iconPath as vscode.ThemeIcon).id).toBe('database');
      expectHonest(backup);
    }
  });

  it('grouped by database type, found from the palette, storage path says it has none', async () => {
    const { node } = await bareStack();
    h.setGrouping(true);
    const [first] = await h.ext.tree.getChildren(node);
    expect(first).toBeInstanceOf(BackupNode);
    expectHonest(first);
    h.ui.picks.push('bare-app');
    await h.run(COMMANDS.openInDashboard);
    expect(h.opened.at(-1)).toContain(node.stack.uid);
    await h.run(COMMANDS.copyStoragePath, first);
    expect(h.clipboard).toEqual([]);
    expect(h.ui.messages.at(-1)?.text).toMatch(/^Backup \d+ has no storage path\.$/);
    expectHonestUi();
  });

  it('create and wait: the new backup is revealed and shown the same way', async () => {
    const { node } = await bareStack();
    h.ui.picks.push(['mysql'], []);
    const created = (await h.run(COMMANDS.createBackup, node)) as { id: number }[];
    expect(created).toHaveLength(1);
    const [newest] = await h.ext.tree.getChildren(node);
    expect(newest).toBeInstanceOf(BackupNode);
    expect((newest as BackupNode).backup.id).toBe(created[0]?.id);
    expect(shown(newest).label).toBe('mysql');
    expectHonest(newest);
    expect(h.ui.messages.at(-1)?.text).toMatch(/ready: mysql #\d+/);
    expectHonestUi();
  });

  it('download: byte-exact, with a name and messages free of placeholders', async () => {
    const { uid, node } = await bareStack({ splitThresholdBytes: 25_000 });
    const [backup] = (await h.ext.tree.getChildren(node)) as BackupNode[];
    if (!backup) throw new Error('no backup');
    const target = join(h.dir, 'bare.tar');
    h.ui.saveDialogs.push(target);
    expect(await h.run(COMMANDS.downloadBackup, backup)).toBe('saved');
    const expected = await bytesOf(h.sb.expectedBackupContent(uid, backup.backup.id));
    expect((await readFile(target)).equals(expected)).toBe(true);
    const proposed = h.ui.saveDialogOptions[0]?.defaultUri?.fsPath ?? '';
    expect(proposed).toMatch(/\.tar$/);
    expect(proposed).not.toMatch(FILLERS);
    expectHonestUi();
  });

  it('import: queued, and the imported backup shows like the others', async () => {
    const { uid, node } = await bareStack();
    const group = h.sb.backupGroups(uid)[0];
    h.ui.inputs.push([String(group?.group)]);
    h.ui.picks.push('mysql');
    h.ui.inputs.push(['https://example.com/bare.tar']);
    expect(await h.run(COMMANDS.importBackup, node)).toBe(true);
    expect(h.ui.messages.at(-1)?.level).toBe('info');
    node.reload();
    const backups = await h.ext.tree.getChildren(node);
    expect(labels(backups)).toEqual(['mysql', 'mysql', 'mysql', 'mysql']);
    for (const backup of backups) expectHonest(backup);
    expectHonestUi();
  });

  it('meets the profile this project runs: full backups carry file_name, documented not', async () => {
    await bareStack();
    expect(h.sb.profile).toBe(process.env.C66_SANDBOX_PROFILE);
    const blog = (await h.ext.tree.getChildren()).find((n) => shown(n).label === 'blog');
    const [first] = await h.ext.tree.getChildren(blog);
    expect(first).toBeInstanceOf(BackupNode);
    expect(typeof (first as BackupNode).backup.file_name).toBe(
      h.sb.profile === 'full' ? 'string' : 'undefined',
    );
  });
});
