import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesOf, filesIn, readFile } from '../../test/files.js';
import { childrenOf, type Harness, startHarness } from '../../test/harness.js';
import { COMMANDS, LAST_DOWNLOAD_DIR_KEY } from '../ids.js';
import type { BackupNode } from '../tree/backup-node.js';

let h: Harness;
afterEach(async () => h?.close());

/** A stack with one backup of ~60 KB, split into 3 parts by a 25 KB threshold. */
async function splitBackup(
  options: { downloadConnections?: number } = {},
): Promise<{ uid: string; node: BackupNode }> {
  h = await startHarness({ ...options, sandbox: { splitThresholdBytes: 25_000 } });
  const stack = h.sb.createStack({
    name: 'parts',
    dbTypes: ['mysql'],
    backups: 1,
    backupSizeBytes: 60_000,
  });
  const [node] = (await childrenOf(h, 'parts')) as BackupNode[];
  if (!node) throw new Error('no backup');
  return { uid: stack.uid, node };
}

describe('Download backup', () => {
  it('joins every part into the chosen file, byte-exact, and offers to reveal it', async () => {
    const { uid, node } = await splitBackup();
    expect(h.sb.backupFiles(uid, node.backup.id)).toHaveLength(3);
    const target = join(h.dir, 'joined.tar');
    h.ui.saveDialogs.push(target);
    h.ui.chooseAction = 'Reveal in File Explorer';
    expect(await h.run(COMMANDS.downloadBackup, node)).toBe('saved');

    const expected = await bytesOf(h.sb.expectedBackupContent(uid, node.backup.id));
    expect((await readFile(target)).equals(expected)).toBe(true);
    expect(await filesIn(h.dir)).toEqual(['joined.tar']);
    expect(h.revealedFiles).toEqual([target]);
    // The dialog proposed the joined name in the default folder; the folder is remembered.
    const proposed = h.ui.saveDialogOptions[0]?.defaultUri?.fsPath ?? '';
    expect(proposed.startsWith(h.dir)).toBe(true);
    expect(proposed.endsWith('.tar')).toBe(true);
    expect(h.ext.deps.state.get(LAST_DOWNLOAD_DIR_KEY)).toBe(h.dir);
    expect(h.ui.progress.some((p) => /KB of \d/.test(p.message ?? ''))).toBe(true);
  });

  it('says which checks ran: size, MD5, backup_size; for an SSE-KMS backup, why not MD5', async () => {
    const { uid, node } = await splitBackup();
    h.ui.saveDialogs.push(join(h.dir, 'plain.tar'));
    expect(await h.run(COMMANDS.downloadBackup, node)).toBe('saved');
    expect(h.ui.messages.at(-1)?.text).toMatch(/, checked size, MD5, backup_size\) to /);
    h.sb.setObjectEncryption(uid, node.backup.id, 'aws:kms');
    h.ui.saveDialogs.push(join(h.dir, 'kms.tar'));
    expect(await h.run(COMMANDS.downloadBackup, node)).toBe('saved');
    expect(h.ui.messages.at(-1)?.text).toMatch(
      /checked size, backup_size; MD5 not checked: an SSE-KMS object's ETag is not an MD5\) to /,
    );
  });

  it('leaves nothing behind when cancelled', async () => {
    const { node } = await splitBackup();
    h.sb.faults.inject({
      route: 'download',
      kind: 'latency',
      ms: 200,
      times: Number.POSITIVE_INFINITY,
    });
    const target = join(h.dir, 'cancelled.tar');
    h.ui.saveDialogs.push(target);
    h.ui.onProgress = (_report, cancel) => cancel();
    expect(await h.run(COMMANDS.downloadBackup, node)).toBe('cancelled');
    expect(h.sb.requests.some((r) => !r.path.startsWith('/api/'))).toBe(true); // it had started
    expect(await filesIn(h.dir)).toEqual([]);
    expect(h.ui.messages.at(-1)?.text).toMatch(/cancelled; nothing was saved/);
  });

  it('reports a failure without a partial file, and without the download URL', async () => {
    const { node } = await splitBackup();
    h.sb.faults.inject({
      route: 'download',
      kind: 'status',
      status: 403,
      times: Number.POSITIVE_INFINITY,
    });
    h.ui.saveDialogs.push(join(h.dir, 'failed.tar'));
    expect(await h.run(COMMANDS.downloadBackup, node)).toBe('failed');
    expect(await filesIn(h.dir)).toEqual([]);
    const error = h.ui.messages.at(-1);
    expect(error?.level).toBe('error');
    expect(error?.text).toMatch(/^Download of backup \d+ .* failed: /);
    for (const text of [...h.ui.messages.map((m) => m.text), ...h.logs]) {
      expect(text).not.toMatch(/Signature=|AWSAccessKeyId=|X-Amz-/i);
      expect(text).not.toContain(h.sb.token);
    }
  });

  it('still reports success when the host cannot reveal the file', async () => {
    const { node } = await splitBackup();
    h.failReveal = true;
    h.ui.chooseAction = 'Reveal in File Explorer';
    h.ui.saveDialogs.push(join(h.dir, 'kept.tar'));
    expect(await h.run(COMMANDS.downloadBackup, node)).toBe('saved');
    expect(await filesIn(h.dir)).toEqual(['kept.tar']);
    expect(h.ui.messages.map((m) => m.level)).toEqual(['info', 'warning']);
    expect(h.ui.messages[1]?.text).toMatch(/^Saved to .*kept\.tar, but could not reveal it/);
  });

  it('fetches parts side by side unless c66Backup.downloadConnections is 1', async () => {
    for (const connections of [1, 8]) {
      await h?.close();
      const { node } = await splitBackup({ downloadConnections: connections });
      h.sb.faults.inject({
        route: 'download',
        kind: 'stall',
        afterBytes: 1000,
        ms: 1500,
        match: { fileId: 'tar-aa' },
      });
      h.ui.saveDialogs.push(join(h.dir, `with-${connections}.tar`));
      expect(await h.run(COMMANDS.downloadBackup, node)).toBe('saved');
      const gets = h.sb.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/s3/'));
      const at = (part: string) => gets.find((r) => r.path.endsWith(part))?.at ?? Number.NaN;
      // With one connection tar-ab waits for tar-aa's stalled body; with eight it does not.
      if (connections === 1) expect(at('-ab') - at('-aa')).toBeGreaterThanOrEqual(1400);
      else expect(at('-ab') - at('-aa')).toBeLessThan(1400);
    }
  });

  it('does nothing when the save dialog is dismissed', async () => {
    const { node } = await splitBackup();
    h.ui.saveDialogs.push(undefined);
    expect(await h.run(COMMANDS.downloadBackup, node)).toBe('dismissed');
    expect(h.sb.requests.some((r) => !r.path.startsWith('/api/'))).toBe(false);
  });
});

describe('Download file', () => {
  it('downloads one part byte-exact', async () => {
    const { uid, node } = await splitBackup();
    const files = await h.ext.tree.getChildren(node);
    const second = files[1];
    h.ui.saveDialogs.push(join(h.dir, 'part-b'));
    expect(await h.run(COMMANDS.downloadFile, second)).toBe('saved');
    const expected = await bytesOf(h.sb.expectedFileContent(uid, node.backup.id, 'tar-ab'));
    expect((await readFile(join(h.dir, 'part-b'))).equals(expected)).toBe(true);
    expect(h.ui.saveDialogOptions[0]?.defaultUri?.fsPath).toMatch(/\.tar-ab$/);
  });
});
