import { afterEach, describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import { type Harness, startHarness } from '../../test/harness.js';
import { COMMANDS } from '../ids.js';
import { StackNode } from '../tree/stack-node.js';

let h: Harness;
afterEach(async () => h?.close());

async function node(name: string): Promise<StackNode> {
  const found = (await h.ext.tree.getChildren()).find(
    (n) => n instanceof StackNode && n.stack.name === name,
  );
  if (!(found instanceof StackNode)) throw new Error(`no stack ${name}`);
  return found;
}

describe('Check backup freshness', () => {
  it('checks every stack, logs each, names those needing attention and updates the tree', async () => {
    // The tree looks nothing up itself (0), so what it shows afterwards came from the command.
    h = await startHarness({ staleAfterHours: 0 });
    await h.ext.tree.getChildren();
    const findings = (await h.run(COMMANDS.checkFreshness)) as { stack: { name: string } }[];
    expect(findings.map((f) => f.stack.name)).toEqual(h.sb.stacks().map((s) => s.name));
    const [message] = h.ui.messages;
    expect(message?.level).toBe('warning');
    // The stacks seeded at a fixed date are months old by now; storefront is fresh,
    // fresh-app has no backups.
    const total = h.sb.stacks().length;
    expect(message?.text).toMatch(
      new RegExp(
        `^${total - 2} of ${total} stacks need attention: shop \\(production\\): .+ and ${total - 5} more \\(see the Cloud 66 output\\)\\. 1 has no backups yet\\.$`,
      ),
    );
    expect(h.logs).toContain('info Backups fresh: storefront (production)');
    expect(h.logs).toContainEqual(
      expect.stringMatching(
        /^warn Backups need attention: billing \(production\): postgresql: newest backup \d+ \(1h 00m old\) failed/,
      ),
    );
    const icon = async (name: string) =>
      ((await node(name)).treeItem().iconPath as vscode.ThemeIcon).id;
    expect(await icon('legacy-crm')).toBe('warning');
    expect(await icon('storefront')).toBe('server-environment');
  });

  it('an API failure is an error message, not a verdict', async () => {
    h = await startHarness();
    h.sb.revokeToken(h.sb.token);
    expect(await h.run(COMMANDS.checkFreshness)).toBeUndefined();
    expect(h.ui.messages).toHaveLength(1);
    expect(h.ui.messages[0]?.level).toBe('error');
    expect(h.ui.messages[0]?.text).toMatch(/^Could not check backup freshness: /);
  });

  it('signed out: says to sign in, asks nothing', async () => {
    h = await startHarness({ signedIn: false });
    expect(await h.run(COMMANDS.checkFreshness)).toBeUndefined();
    expect(h.ui.messages).toEqual([
      { level: 'error', text: 'Sign in to Cloud 66 first.', actions: [] },
    ]);
    expect(h.sb.requests).toHaveLength(0);
  });
});
