import { Readable } from 'node:stream';
import { backupFiles } from '../../file-host/objects/backup-files.js';
import { contentOf } from '../../file-host/objects/content-of.js';
import type { StoredBackup } from '../model.js';
import { SandboxError } from './sandbox-error.js';

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
