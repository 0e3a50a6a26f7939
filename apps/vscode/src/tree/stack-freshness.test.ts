import { afterEach, describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import { type Harness, startHarness } from '../../test/harness.js';
import { StackNode } from './stack-node.js';

let h: Harness;
afterEach(async () => h?.close());

const tooltip = (item: vscode.TreeItem) =>
  typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
const icon = (item: vscode.TreeItem) => (item.iconPath as vscode.ThemeIcon).id;

/** The stack's tree item once its freshness lookup has answered (rendering starts it). */
async function shown(name: string, environment = 'production'): Promise<vscode.TreeItem> {
  const node = (await h.ext.tree.getChildren()).find(
    (n) => n instanceof StackNode && n.stack.name === name && n.stack.environment === environment,
  );
  if (!node) throw new Error(`no stack ${name}`);
  for (let i = 0; i < 500; i++) {
    const item = node.treeItem();
    if (!tooltip(item).includes('checking')) return item;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the freshness of ${name} never arrived`);
}

const backupRequests = () => h.sb.requests.filter((r) => r.path.endsWith('/backups'));

describe('stack freshness in the tree', () => {
  it('fresh: the usual icon, and each db type with the age of its newest good backup', async () => {
    h = await startHarness({ staleAfterHours: 26 });
    const item = await shown('storefront');
    expect(icon(item)).toBe('server-environment');
    expect(tooltip(item)).toMatch(/postgresql: backup \d+, \dh \d\dm old/);
    expect(tooltip(item)).toMatch(/redis: backup \d+, \dh \d\dm old/);
    expect(tooltip(item)).not.toContain('$(warning)');
  });

  it('stale and failed newest: a warning icon and the reason in the tooltip', async () => {
    h = await startHarness({ staleAfterHours: 26 });
    const stale = await shown('legacy-crm');
    expect(icon(stale)).toBe('warning');
    expect(tooltip(stale)).toMatch(
      /\$\(warning\) mysql: newest good backup is backup \d+, 4d 00h old, older than 1d 02h/,
    );
    const failed = await shown('billing');
    expect(icon(failed)).toBe('warning');
    expect(tooltip(failed)).toMatch(
      /postgresql: newest backup \d+ \(1h 00m old\) failed: pg_dump: /,
    );
  });

  it('a stack without backups says so, without a warning', async () => {
    h = await startHarness({ staleAfterHours: 26 });
    const item = await shown('fresh-app', 'development');
    expect(icon(item)).toBe('server-environment');
    expect(tooltip(item)).toContain('No backups yet');
  });

  it('follows the setting: a tighter window flags the fresh stack; 0 looks nothing up', async () => {
    h = await startHarness({ staleAfterHours: 26 });
    expect(icon(await shown('storefront'))).toBe('server-environment');
    h.setStaleAfterHours(1);
    expect(icon(await shown('storefront'))).toBe('warning');
    h.setStaleAfterHours(0);
    h.sb.clearRequests();
    const item = await shown('storefront');
    expect(icon(item)).toBe('server-environment');
    expect(tooltip(item)).not.toContain('Backups:');
    expect(backupRequests()).toEqual([]);
  });
});
