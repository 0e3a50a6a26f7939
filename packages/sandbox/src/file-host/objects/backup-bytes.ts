import { Readable } from 'node:stream';
import { hashString, mix } from '../../shared/random.js';
import { SandboxError } from '../../world/controls/sandbox-error.js';
import type { StoredBackup } from '../../world/model.js';
import { backupFiles } from './backup-files.js';
import { BackupContent } from './content.js';

/** The deterministic bytes of a backup (all its parts joined). */
export function contentOf(backup: StoredBackup, seed: number): BackupContent {
  const key = mix(seed, backup.api.id, hashString(backup.stackUid));
  return new BackupContent(
    backup.contentSize,
    key,
    backup.innerName,
    Date.parse(backup.api.backup_date_iso),
  );
}

/** A Readable of exactly the bytes the file host serves for one file. */
export function fileContent(
  backup: StoredBackup,
  seed: number,
  fileId: string,
  thresholdBytes: number,
): Readable {
  const file = backupFiles(backup, thresholdBytes).find((f) => f.id === fileId);
  if (!file)
    throw new SandboxError(
      'SANDBOX_UNKNOWN_FILE',
      `backup ${backup.api.id} has no file "${fileId}"`,
    );
  return contentOf(backup, seed).stream(file.offset, file.offset + file.size);
}

/** A Readable of all files of a backup joined in order (empty for a failed backup). */
export function joinedContent(
  backup: StoredBackup,
  seed: number,
  thresholdBytes: number,
): Readable {
  if (backupFiles(backup, thresholdBytes).length === 0) return Readable.from([]);
  return contentOf(backup, seed).stream();
}
