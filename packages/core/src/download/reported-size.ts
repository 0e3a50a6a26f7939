import type { Backup } from '../schemas/backup.js';

/**
 * The size the API reports for a backup, when it reports one: `backup_size` is optional,
 * and 0 (as in Cloud 66's own examples) means unknown, not empty.
 */
export function reportedSize(backup: Pick<Backup, 'backup_size'>): number | undefined {
  const size = backup.backup_size;
  return typeof size === 'number' && size > 0 ? size : undefined;
}
