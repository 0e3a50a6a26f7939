// What the scenario verifies at each step: a failed check stops the demo with a DemoError,
// so `pnpm demo` never ends in "Done." on a result it did not see.
import { stat } from 'node:fs/promises';
import { DemoError } from './demo-error.mjs';

/** The first action step's numeric `backup-id` output. */
export function expectBackupId(outputs) {
  const backupId = outputs['backup-id'];
  if (!backupId || !/^\d+$/.test(backupId)) {
    throw new DemoError(
      `the action's outputs have no numeric backup-id (outputs: ${Object.keys(outputs).join(', ') || 'none'})`,
    );
  }
  return backupId;
}

/** The second action step reused the first one's backup instead of creating another. */
export function expectReused(outputs, backupId) {
  if (outputs.reused !== 'true' || outputs['backup-id'] !== backupId) {
    throw new DemoError(
      `the second run should have reused backup ${backupId} (reused=${outputs.reused}, backup-id=${outputs['backup-id']})`,
    );
  }
}

/** The file the CLI reported is on disk with the size it reported. */
export async function expectDownloaded(result) {
  const onDisk = await stat(result.path);
  if (onDisk.size !== result.bytes) {
    throw new DemoError(
      `the CLI reported ${result.bytes} bytes but ${result.path} has ${onDisk.size}`,
    );
  }
}
