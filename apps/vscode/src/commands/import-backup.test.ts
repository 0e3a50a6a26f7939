import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../test/harness.js';
import { COMMANDS } from '../ids.js';
import { StackNode } from '../tree/stack-node.js';

let h: Harness;
afterEach(async () => h?.close());

async function stackNode(h: Harness, name: string): Promise<StackNode> {
  const node = (await h.ext.tree.getChildren()).find((n) => n.treeItem().label === name);
  if (!(node instanceof StackNode)) throw new Error(`no stack ${name}`);
  return node;
}

const creates = (h: Harness) => h.sb.requests.filter((r) => r.method === 'POST');

describe('Import backup', () => {
  it('validates group and URL before sending, then queues the import', async () => {
    h = await startHarness({ sandbox: { importDelayMs: 0 } });
    const blog = await stackNode(h, 'blog');
    const [newestBefore] = await h.ext.tree.getChildren(blog);
    const group = h.sb.backupGroups(blog.stack.uid)[0];
    h.ui.inputs.push(['', 'x', '0', String(group?.group)]);
    h.ui.picks.push('postgresql');
    h.ui.inputs.push(['not a url', 'ftp://example.com/db.tar', 'https://example.com/db.tar.gz']);
    expect(await h.run(COMMANDS.importBackup, blog)).toBe(true);
    expect(h.ui.rejected).toEqual([
      'Enter a whole number, 1 or more',
      'Enter a whole number, 1 or more',
      'Enter a whole number, 1 or more',
      'Enter an absolute URL, e.g. https://example.com/backups/db.tar.gz',
      'The URL must start with https:// or http://',
    ]);
    expect(creates(h)).toHaveLength(1);
    expect(h.ui.messages.at(-1)?.level).toBe('info');
    expect(h.ui.messages.at(-1)?.text).toMatch(/queued for upload/);
    blog.reload();
    const [newest] = await h.ext.tree.getChildren(blog);
    expect(newest).not.toBe(newestBefore);
    expect(newest?.treeItem().label).toMatch(/^postgresql · /);
  });

  it('sends nothing when a prompt is dismissed', async () => {
    h = await startHarness();
    const blog = await stackNode(h, 'blog');
    h.ui.inputs.push('1');
    h.ui.picks.push(undefined);
    expect(await h.run(COMMANDS.importBackup, blog)).toBe(false);
    expect(creates(h)).toHaveLength(0);
  });

  it('reports a read-only token clearly, without pretending it worked', async () => {
    h = await startHarness();
    await h.secrets.store('c66Backup.token', h.sb.readOnlyToken);
    const blog = await stackNode(h, 'blog');
    h.ui.inputs.push('1');
    h.ui.picks.push('postgresql');
    h.ui.inputs.push('https://example.com/db.tar.gz');
    expect(await h.run(COMMANDS.importBackup, blog)).toBe(false);
    expect(h.ui.messages).toHaveLength(1);
    expect(h.ui.messages[0]?.level).toBe('error');
    expect(h.ui.messages[0]?.text).toMatch(/^Import into blog failed: /);
  });
});
