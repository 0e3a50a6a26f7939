import { DB_TYPES, type DbType, validateCron } from '@c66-backup/core';
import type * as vscode from 'vscode';
import { describeError } from '../describe-error.js';
import type { Ui } from '../host.js';

export interface CreateChoices {
  dbTypes: DbType[];
  gzip: boolean;
  runOnReplicaServer: boolean;
  frequency?: string;
  keepCount?: number;
  excludedTables?: string;
}

type OptionKey = 'gzip' | 'replica' | 'frequency' | 'keepCount' | 'excluded';
interface OptionItem extends vscode.QuickPickItem {
  key: OptionKey;
}

/** Asks which databases to back up, then the task's options; undefined if dismissed. */
export async function askCreateOptions(
  ui: Ui,
  stackName: string,
): Promise<CreateChoices | undefined> {
  const types = await ui.pickMany(
    DB_TYPES.map((type) => ({ label: type, type })),
    {
      title: `Back up ${stackName}: databases`,
      placeHolder: 'Choose one or more database types',
      canPickMany: true,
    },
  );
  if (!types || types.length === 0) return undefined;

  const options: OptionItem[] = [
    { key: 'gzip', label: 'Compress with gzip', picked: true },
    { key: 'replica', label: 'Run on a replica server', description: 'when the stack has one' },
    { key: 'frequency', label: 'Repeat on a schedule…', description: 'cron expression' },
    { key: 'keepCount', label: 'Keep only the last N backups…' },
    { key: 'excluded', label: 'Exclude tables…' },
  ];
  const picked = await ui.pickMany(options, {
    title: `Back up ${stackName}: options`,
    placeHolder: 'Press Enter to create the backup with the checked options',
    canPickMany: true,
  });
  if (!picked) return undefined;
  const has = (key: OptionKey) => picked.some((p) => p.key === key);

  const choices: CreateChoices = {
    dbTypes: types.map((t) => t.type),
    gzip: has('gzip'),
    runOnReplicaServer: has('replica'),
  };
  if (has('frequency')) {
    const frequency = await ui.showInputBox({
      title: 'Backup schedule',
      prompt: 'Cron expression, 5 fields: minute hour day-of-month month day-of-week',
      placeHolder: '0 3 * * *',
      validateInput: (value) => invalid(() => validateCron(value)),
    });
    if (frequency === undefined) return undefined;
    choices.frequency = validateCron(frequency);
  }
  if (has('keepCount')) {
    const keep = await ui.showInputBox({
      title: 'Backups to keep',
      prompt: 'How many backups of this task Cloud 66 keeps (a whole number, 1 or more)',
      validateInput: (value) =>
        /^\s*[1-9]\d*\s*$/.test(value) ? undefined : 'Enter a whole number, 1 or more',
    });
    if (keep === undefined) return undefined;
    choices.keepCount = Number(keep.trim());
  }
  if (has('excluded')) {
    const tables = await ui.showInputBox({
      title: 'Tables to exclude',
      prompt: 'Comma-separated table names',
      validateInput: (value) => (value.trim() === '' ? 'Enter at least one table name' : undefined),
    });
    if (tables === undefined) return undefined;
    choices.excludedTables = tables
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
      .join(',');
  }
  return choices;
}

function invalid(check: () => unknown): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}
