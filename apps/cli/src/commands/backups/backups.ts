import { Command } from 'commander';
import type { CliDeps } from '../../deps.js';
import { COMMANDS } from '../command-table.js';
import { backupsCreateCommand } from './create/backups-create.js';
import { backupsDownloadCommand } from './download/backups-download.js';
import { backupsImportCommand } from './import/backups-import.js';
import { backupsListCommand } from './list/backups-list.js';

/** `c66-backup backups <list|create|download|import>`. */
export function backupsCommand(deps: CliDeps): Command {
  return new Command('backups')
    .description(COMMANDS.backups.summary)
    .addCommand(backupsListCommand(deps))
    .addCommand(backupsCreateCommand(deps))
    .addCommand(backupsDownloadCommand(deps))
    .addCommand(backupsImportCommand(deps));
}
