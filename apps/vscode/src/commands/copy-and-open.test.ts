import { afterEach, describe, expect, it } from 'vitest';
import { childrenOf, type Harness, startHarness } from '../../test/harness.js';
import { COMMANDS } from '../ids.js';
import type { BackupNode } from '../tree/backup-node.js';

let h: Harness;
afterEach(async () => h?.close());

describe('Copy backup ID, Copy storage path, Open in dashboard', () => {
  it('copies the id and the storage path of a backup', async () => {
    h = await startHarness();
    const [backup] = (await childrenOf(h, 'blog')) as BackupNode[];
    await h.run(COMMANDS.copyBackupId, backup);
    await h.run(COMMANDS.copyStoragePath, backup);
    expect(h.clipboard).toEqual([String(backup?.backup.id), backup?.backup.storage_path]);
    expect(h.clipboard[1]).toMatch(/\/backups\//);
  });

  it('opens the stack from its context menu, or one picked from the palette', async () => {
    h = await startHarness();
    const blog = h.sb.stacks().find((s) => s.name === 'blog');
    const [first] = await h.ext.tree.getChildren();
    await h.run(COMMANDS.openInDashboard, first);
    h.ui.picks.push('blog');
    await h.run(COMMANDS.openInDashboard);
    expect(h.opened).toEqual([
      `https://app.cloud66.com/stacks/${h.sb.stacks()[0]?.uid}`,
      `https://app.cloud66.com/stacks/${blog?.uid}`,
    ]);
  });
});
