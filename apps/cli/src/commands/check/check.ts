import { checkFreshness, type DbTypeFreshness, formatAge } from '@c66-backup/core';
import { Command } from 'commander';
import { createContext } from '../../context.js';
import { dbTypesOption } from '../../db-type-option.js';
import type { CliDeps } from '../../deps.js';
import { parseDuration } from '../../duration.js';
import { formatDate } from '../../output/backup-columns.js';
import { TableWriter } from '../../output/table-writer.js';
import { addStackOptions, type StackOptions, stackFrom } from '../../stack-option.js';
import { COMMANDS } from '../command-table.js';
import { NotFreshError } from './not-fresh-error.js';

interface CheckFlags extends StackOptions {
  dbType: string;
  maxAge: string;
  verified?: boolean;
}

/**
 * `c66-backup check`: is the newest good backup of each db type recent enough? Exit 0 when
 * every db type is fresh, 5 (with one reason line per db type on stderr) when any is stale,
 * failed or missing. Only reads: a public-scope token is enough.
 */
export function checkCommand(deps: CliDeps): Command {
  return addStackOptions(new Command('check'))
    .description(COMMANDS.check.summary)
    .option(
      '-t, --db-type <types>',
      'comma list of mysql, postgresql, redis, mongodb, or all',
      'all',
    )
    .option(
      '--max-age <duration>',
      'the oldest the newest good backup may be (45m, 26h, 2d)',
      '26h',
    )
    .option('--verified', 'count only backups whose verification succeeded')
    .addHelpText(
      'after',
      '\nThe age of a backup counts from when its dump started. A db type whose newest backup\nfailed is not fresh, even when an older good backup is recent.\n\nExamples:\n  c66-backup check --stack my-app --max-age 26h\n  c66-backup check --stack my-app --environment production --db-type postgresql --verified --json',
    )
    .action(async (flags: CheckFlags, command: Command) => {
      // Validate every flag before the first request.
      const dbTypes = dbTypesOption(flags.dbType);
      const maxAgeMs = parseDuration(flags.maxAge, '--max-age');
      const ctx = await createContext(command, deps);
      const stack = await stackFrom(ctx.client, flags);
      const report = await checkFreshness(ctx.client, stack.uid, dbTypes, {
        maxAgeMs,
        requireVerified: flags.verified === true,
        signal: deps.signal,
        now: deps.now,
      });
      const { out } = ctx;
      if (out.json) {
        out.jsonLine({
          stack_uid: stack.uid,
          fresh: report.fresh,
          checked_at: report.checkedAt,
          max_age_seconds: Math.floor(maxAgeMs / 1000),
          db_types: report.dbTypes.map(toJson),
          problems: report.problems,
        });
      } else {
        const table = new TableWriter<DbTypeFreshness>(
          [
            { header: 'DB TYPE', width: 10, value: (d) => d.dbType },
            { header: 'STATE', width: 7, value: (d) => d.state },
            {
              header: 'BACKUP',
              width: 8,
              align: 'right',
              value: (d) => (d.backup ? String(d.backup.id) : '-'),
            },
            { header: 'STARTED', width: 20, value: (d) => formatDate(d.backup?.backup_date_iso) },
            {
              header: 'AGE',
              width: 7,
              value: (d) => (d.ageMs === undefined ? '-' : formatAge(d.ageMs)),
            },
            { header: 'VERIFIED', width: 0, value: (d) => d.backup?.verify_status?.label ?? '-' },
          ],
          (line) => out.line(line),
        );
        for (const entry of report.dbTypes) table.row(entry);
      }
      if (report.fresh) return;
      for (const problem of report.problems) out.note(problem);
      throw new NotFreshError(stack.name, report.problems.length);
    });
}

function toJson(d: DbTypeFreshness) {
  return {
    db_type: d.dbType,
    state: d.state,
    backup_id: d.backup?.id ?? null,
    backup_date: d.backup?.backup_date_iso ?? null,
    age_seconds: d.ageMs === undefined ? null : Math.floor(d.ageMs / 1000),
    verify_status: d.backup?.verify_status ?? null,
    failed_backup_id: d.failure?.id ?? null,
    reason: d.reason,
  };
}
