import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, labels, startHarness } from '../../test/harness.js';
import { COMMANDS, SIGNED_IN_CONTEXT } from '../ids.js';
import type { TreeNode } from '../tree/tree-node.js';

let h: Harness;
afterEach(async () => h?.close());

// The shell against the real rest of the extension, the real core and a sandbox: only what
// loads when differs from the other tests (the built bundles: bundle.test.ts).
describe('activation through the shell', () => {
  it('registers the view and every command but loads nothing until the tree asks', async () => {
    h = await startHarness({ lazy: true });
    expect(h.loads).toBe(0);
    expect(() => h.ext).toThrow('not loaded');
    expect(h.context.has(SIGNED_IN_CONTEXT)).toBe(false);
    expect(h.sb.requests).toHaveLength(0);
    await expect(h.run('c66Backup.nope')).rejects.toThrow('not registered');

    const stacks = (await h.provider.getChildren()) as TreeNode[];
    expect(h.loads).toBe(1);
    expect(labels(stacks)).toEqual(h.sb.stacks().map((s) => s.name));
    expect(h.context.get(SIGNED_IN_CONTEXT)).toBe(true);
    // Items, parents and children come from the real provider from now on, loaded once.
    const [first] = stacks;
    if (!first) throw new Error('no stacks');
    expect(h.provider.getTreeItem(first)).toEqual(h.ext.tree.getTreeItem(first));
    await h.view.reveal(first);
    expect(h.loads).toBe(1);
  });

  it('passes the real tree’s change events on to the view', async () => {
    h = await startHarness({ lazy: true });
    const changes: unknown[] = [];
    h.provider.onDidChangeTreeData?.((e) => changes.push(e));
    await h.provider.getChildren();
    await h.run(COMMANDS.refresh);
    expect(changes).toEqual([undefined]);
  });

  it('a command run before the tree was shown loads the extension, then does its work', async () => {
    h = await startHarness({ lazy: true, staleAfterHours: 26 });
    const findings = (await h.run(COMMANDS.checkFreshness)) as { stack: { name: string } }[];
    expect(h.loads).toBe(1);
    expect(findings.map((f) => f.stack.name)).toEqual(h.sb.stacks().map((s) => s.name));
    await h.provider.getChildren();
    expect(h.loads).toBe(1);
  });
});
