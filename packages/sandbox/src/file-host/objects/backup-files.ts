import type { BackupFile, StoredBackup } from '../../world/model.js';

/** A file of a backup and the byte range of the backup's content it holds. */
export interface FilePart extends BackupFile {
  offset: number;
  size: number;
}

/** `aa`, `ab`, ... `zz`, then three letters: the suffixes `split` gives parts. */
export function partSuffix(index: number): string {
  const letters = index < 676 ? 2 : 3;
  let rest = index;
  let suffix = '';
  for (let i = 0; i < letters; i++) {
    suffix = String.fromCharCode(97 + (rest % 26)) + suffix;
    rest = Math.floor(rest / 26);
  }
  return suffix;
}

/**
 * The files of a backup: one `tar` up to the threshold, else parts `tar-aa`, `tar-ab`, ...
 * of `threshold` bytes each (the last one shorter). A failed backup has no files.
 */
export function backupFiles(backup: StoredBackup, thresholdBytes: number): FilePart[] {
  if (backup.api.backup_status === 1) return [];
  const size = backup.contentSize;
  const name = backup.api.file_name;
  if (size <= thresholdBytes) return [{ id: 'tar', name, offset: 0, size }];
  const parts: FilePart[] = [];
  for (let offset = 0, i = 0; offset < size; offset += thresholdBytes, i++) {
    const suffix = partSuffix(i);
    parts.push({
      id: `tar-${suffix}`,
      name: `${name}-${suffix}`,
      offset,
      size: Math.min(thresholdBytes, size - offset),
    });
  }
  return parts;
}
