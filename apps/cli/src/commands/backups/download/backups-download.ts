import path from 'node:path';
import {
  type Backup,
  type Client,
  DEFAULT_CONNECTIONS,
  describeChecks,
  downloadBackup,
  formatBytes,
} from '@c66-backup/core';
import { Command } from 'commander';
import { createContext } from '../../../context.js';
import { dbTypeOption } from '../../../db-type-option.js';
import type { CliDeps } from '../../../deps.js';
import { formatDate } from '../../../output/backup-columns.js';
import { joinPresent } from '../../../output/or-dash.js';
import { parsePositiveInt } from '../../../positive-int.js';
import { createDownloadProgress } from '../../../progress/download-progress.js';
import { addStackOptions, type StackOptions, stackFrom } from '../../../stack-option.js';
import { UsageError } from '../../../usage-error.js';
import { NoBackupError } from './no-backup-error.js';
import { streamToStdout } from './stream-download.js';

interface DownloadOptions extends StackOptions {
  id?: string;
  latest?: boolean;
  dbType?: string;
  output: string;
  overwrite?: boolean;
  connections?: string;
}

/** `c66-backup backups download`: all parts joined into one checked file, or nothing. */
export function backupsDownloadCommand(deps: CliDeps): Command {
  return addStackOptions(new Command('download'))
    .description(
      'download a backup (parts joined, size and MD5 checked where S3 allows); Ctrl-C leaves no partial file',
    )
    .option('--id <id>', 'the backup id')
    .option('--latest', 'the newest successful backup (of --db-type, if given)')
    .option('-t, --db-type <type>', 'with --latest: only this database type')
    .option(
      '-o, --output <dir>',
      'directory to write the file into, or - for stdout (joined in order, for tar -x or pg_restore)',
      '.',
    )
    .option('--overwrite', 'replace an existing file of the same name')
    .option(
      '-c, --connections <n>',
      `connections to the file host at once (default ${DEFAULT_CONNECTIONS}; 1 = one part after another)`,
    )
    .addHelpText(
      'after',
      '\nExamples:\n  c66-backup backups download --stack my-app --latest --db-type postgresql -o ./backups\n  c66-backup backups download --stack my-app --id 1234 --json\n  c66-backup backups download --stack my-app --latest -o - | tar -x',
    )
    .action(async (options: DownloadOptions, command: Command) => {
      const pick = parsePick(options);
      const connections =
        options.connections === undefined
          ? undefined
          : parsePositiveInt(options.connections, '--connections');
      const toStdout = options.output === '-';
      if (toStdout && (options.overwrite || command.optsWithGlobals().json)) {
        throw new UsageError('-o - writes the backup itself to stdout: no --json, no --overwrite');
      }
      const { client, out } = await createContext(command, deps);
      const stack = await stackFrom(client, options);
      const backup = await findBackup(client, stack.uid, pick);
      // A failed backup: the core's download refuses it (BackupFailedError, exit code 3).
      out.note(
        `downloading backup ${backup.id} (${joinPresent([backup.db_type, backup.database_name])}, ${formatDate(backup.backup_date_iso)}) of ${stack.name}`,
      );
      if (toStdout) {
        return streamToStdout(deps, out, client, {
          stackUid: stack.uid,
          backupId: backup.id,
          connections,
        });
      }
      const dir = path.resolve(deps.cwd, options.output);
      const progress = createDownloadProgress(deps.stderr, { now: deps.now, label: 'download' });
      let result: Awaited<ReturnType<typeof downloadBackup>>;
      try {
        result = await downloadBackup(client, stack.uid, backup.id, {
          dir,
          overwrite: options.overwrite === true,
          signal: deps.signal,
          onProgress: progress.onProgress,
          ...(connections !== undefined && { connections }),
        });
      } finally {
        progress.stop();
      }
      if (out.json) {
        out.jsonLine({
          path: result.path,
          bytes: result.bytes,
          parts: result.parts.map((part) => ({
            name: part.name,
            bytes: part.bytes,
            verified: part.verified,
            ...(part.md5Unavailable && { md5_unavailable: part.md5Unavailable }),
          })),
          verified: result.verified,
          stack_uid: stack.uid,
          backup_id: backup.id,
          db_type: backup.db_type,
          database_name: backup.database_name,
        });
      } else {
        out.line(
          `${result.path} (${formatBytes(result.bytes)}, ${result.bytes} bytes, ${describeChecks(result)})`,
        );
      }
    });
}

type Pick = { id: number } | { latest: true; dbType?: string };

function parsePick(options: DownloadOptions): Pick {
  if (options.id !== undefined && options.latest) {
    throw new UsageError('pass either --id or --latest, not both');
  }
  if (options.id !== undefined) {
    if (options.dbType !== undefined) {
      throw new UsageError('--db-type only applies with --latest (a backup id already names one)');
    }
    return { id: parsePositiveInt(options.id, '--id') };
  }
  if (options.latest) {
    return options.dbType === undefined
      ? { latest: true }
      : { latest: true, dbType: dbTypeOption(options.dbType) };
  }
  throw new UsageError('say which backup: --id <id> or --latest');
}

async function findBackup(client: Client, stackUid: string, pick: Pick): Promise<Backup> {
  if ('id' in pick) return client.backups.get(stackUid, pick.id);
  // Page by page: the newest successful backup is almost always on page 1.
  const backups = client.backups.list(stackUid, { dbType: pick.dbType, concurrency: 1 });
  for await (const backup of backups) {
    if (backup.backup_status.name === 'ok') return backup;
  }
  throw new NoBackupError(pick.dbType);
}
