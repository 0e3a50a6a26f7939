import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.js';
import { COMMANDS } from '../ids.js';
import { BackupNode } from '../tree/backup-node.js';
import { StackNode } from '../tree/stack-node.js';

let h: Harness;
afterEach(async () => h?.close());

async function stackNode(name: string): Promise<StackNode> {
  const node = (await h.ext.tree.getChildren()).find((n) => n.treeItem().label === name);
  if (!(node instanceof StackNode)) throw new Error(`no stack ${name}`);
  return node;
}

describe('Create backup', () => {
  it('shows "backing up…" while waiting, then reveals and selects the new backup', async () => {
    h = await startHarness({ sandbox: { backupDelayMs: 300 } });
    const stack = await stackNode('blog');
    const [newestBefore] = await h.ext.tree.getChildren(stack);
    h.ui.picks.push(['postgresql'], ['Compress with gzip', 'Repeat on a schedule…']);
    h.ui.inputs.push(['every day', '0 3 * * *']);
    const descriptions: string[] = [];
    h.ui.onProgress = () => descriptions.push(String(stack.treeItem().description));

    const created = await h.run(COMMANDS.createBackup, stack);
    expect(h.ui.rejected[0]).toMatch(/cron/i);
    expect(descriptions.length).toBeGreaterThan(0);
    expect(descriptions.every((d) => d === 'production · backing up…')).toBe(true);
    expect(stack.treeItem().description).toBe('production');

    const [backup] = created as { id: number; db_type: string }[];
    expect(backup?.db_type).toBe('postgresql');
    expect(backup?.id).toBeGreaterThan(
      Number(String(newestBefore?.treeItem().id).split(':').pop()),
    );
    const revealed = h.view.revealed.at(-1)?.element;
    expect(revealed).toBeInstanceOf(BackupNode);
    expect((revealed as BackupNode).backup.id).toBe(backup?.id);
    expect(h.view.selection).toEqual([revealed]);
    expect((await h.ext.tree.getChildren(stack))[0]).toBe(revealed);
    expect(h.sb.backupTasks(stack.stack.uid).at(-1)).toMatchObject({ frequency: '0 3 * * *' });
  });

  it('stops waiting on Cancel, clears "backing up…" and says the task still runs', async () => {
    h = await startHarness({ sandbox: { backupDelayMs: 60_000 } });
    const stack = await stackNode('blog');
    h.ui.picks.push(['postgresql'], []);
    h.ui.onProgress = (report, cancel) => {
      if (report.message?.startsWith('waiting')) cancel();
    };
    expect(await h.run(COMMANDS.createBackup, stack)).toBeUndefined();
    expect(stack.treeItem().description).toBe('production');
    expect(h.ui.messages.at(-1)?.text).toMatch(/^Stopped waiting for the backup of blog/);
  });

  it('reports a failed backup with its reason and still shows it in the tree', async () => {
    h = await startHarness({ sandbox: { backupDelayMs: 100, failDbTypes: ['postgresql'] } });
    const stack = await stackNode('blog');
    h.ui.picks.push(['postgresql'], ['Compress with gzip']);
    expect(await h.run(COMMANDS.createBackup, stack)).toBeUndefined();
    const error = h.ui.messages.at(-1);
    expect(error?.level).toBe('error');
    expect(error?.text).toMatch(
      /^Backup of blog \(postgresql\) failed: postgresql backup \d+ failed/,
    );
    const revealed = h.view.revealed.at(-1)?.element as BackupNode;
    expect(revealed.backup.backup_status.name).toBe('failed');
  });

  it('from the palette asks for the stack; a read-only token gets a clear error', async () => {
    h = await startHarness();
    await h.secrets.store('c66Backup.token', h.sb.readOnlyToken);
    h.ui.picks.push('blog', ['mysql'], []);
    expect(await h.run(COMMANDS.createBackup)).toBeUndefined();
    expect(h.ui.messages.at(-1)?.level).toBe('error');
    expect(h.ui.messages.at(-1)?.text).toMatch(/^Backup of blog \(mysql\) failed: /);
  });
});

describe('Create backup, twice at once on one stack', () => {
  it('keeps "backing up…" until both are done', async () => {
    h = await startHarness({ sandbox: { backupDelayMs: 200 } });
    const stack = await stackNode('shop');
    let markWaiting: () => void = () => {};
    const waiting = new Promise<void>((resolve) => {
      markWaiting = resolve;
    });
    h.ui.onProgress = (report) => {
      if (report.message?.startsWith('waiting')) markWaiting();
    };
    h.ui.picks.push(['mysql'], []);
    const first = h.run(COMMANDS.createBackup, stack);
    await waiting; // the second starts while the first waits for Cloud 66
    h.ui.picks.push(['redis'], []);
    const second = h.run(COMMANDS.createBackup, stack);
    await Promise.race([first, second]);
    // One is done, the other still runs: the stack still says so.
    expect(stack.treeItem().description).toBe('production · backing up…');
    await Promise.all([first, second]);
    expect(stack.treeItem().description).toBe('production');
  });
});
