import { type DbType, parseDbTypes } from '@c66-backup/core';
import { UsageError } from './usage-error.js';

/** `--db-type` for commands taking several types or `all`; the core owns the list of types. */
export function dbTypesOption(text: string): DbType[] | 'all' {
  try {
    return parseDbTypes(text);
  } catch (error) {
    throw new UsageError(`--db-type: ${(error as Error).message}`, { cause: error });
  }
}

/** `--db-type` for commands taking exactly one type. */
export function dbTypeOption(text: string): DbType {
  const types = dbTypesOption(text);
  if (types === 'all' || types.length !== 1) {
    throw new UsageError(`--db-type takes one database type here, got '${text}'`);
  }
  return types[0] as DbType;
}
