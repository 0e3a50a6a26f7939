import type { AddBackupsOptions } from '../controls/control-options.js';
import type { DbType, StoredBackup } from '../model.js';
import type { StoredStack, World } from '../world.js';

/** Finished backups added now (newest ids, so they list first), oldest first. */
export function addFinishedBackups(
  world: World,
  stack: StoredStack,
  dbType: DbType,
  spec: Omit<AddBackupsOptions, 'dbType'>,
  now: number,
): StoredBackup[] {
  const count = spec.count ?? 1;
  // The newest started at `startedAt` (default a minute ago), the others a minute apart.
  const newest = spec.startedAt ?? now - 60_000;
  const added: StoredBackup[] = [];
  for (let i = 0; i < count; i++) {
    const startedAt = newest - (count - 1 - i) * 60_000;
    added.push(
      world.addBackup(stack, {
        dbType,
        startedAt,
        finishedAt: startedAt + 30_000,
        outcome: spec.status ?? 'ok',
        sizeBytes: spec.sizeBytes ?? 512 * (1024 + ((i * 97) % 4096)),
        verifyStatus: spec.verified ? 2 : 0,
        verifyResult: spec.verified ? 'Backup verified' : null,
      }),
    );
  }
  return added;
}
