import { hashString, mix } from '../../shared/random.js';
import type { StoredBackup } from '../../world/model.js';
import { BackupContent } from './backup-content.js';

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
