import { Command } from 'commander';
import { createContext } from '../../../context.js';
import { dbTypeOption } from '../../../db-type-option.js';
import type { CliDeps } from '../../../deps.js';
import { parsePositiveInt } from '../../../positive-int.js';
import { addStackOptions, type StackOptions, stackFrom } from '../../../stack-option.js';
import { UsageError } from '../../../usage-error.js';

interface ImportOptions extends StackOptions {
  group: string;
  dbType: string;
  url: string;
}

/** `c66-backup backups import`: queue an external backup (a URL Cloud 66 can fetch). */
export function backupsImportCommand(deps: CliDeps): Command {
  return addStackOptions(new Command('import'))
    .description('import an external backup into a backup group (needs an admin token)')
    .requiredOption('--group <id>', 'the backup group to import into')
    .requiredOption('-t, --db-type <type>', 'database type of the backup')
    .requiredOption(
      '--url <url>',
      'where Cloud 66 fetches the backup from (kept out of the output)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  c66-backup backups import --stack my-app --group 12 --db-type mysql --url "$DUMP_URL"',
    )
    .action(async (options: ImportOptions, command: Command) => {
      const group = parsePositiveInt(options.group, '--group');
      const dbType = dbTypeOption(options.dbType);
      const remoteUrl = parseRemoteUrl(options.url);
      const { client, out } = await createContext(command, deps);
      const stack = await stackFrom(client, options);
      const result = await client.backups.import(stack.uid, { group, dbType, remoteUrl });
      if (out.json) {
        out.jsonLine({ stack_uid: stack.uid, group, db_type: dbType, ...result });
      } else {
        // The message is optional: a 2xx without `ok: false` is the acceptance itself.
        const message = result.message || 'import requested';
        out.line(`${stack.name}: ${message} (group ${group}, ${dbType})`);
      }
    });
}

// The URL may embed credentials or a signature, so errors describe it without echoing it.
function parseRemoteUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError('--url is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError('--url must be an http(s) URL');
  }
  return text;
}
