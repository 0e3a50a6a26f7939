import { InvalidInputError } from './errors/index.js';

/** The database types Cloud 66 backs up. */
export const DB_TYPES = ['mysql', 'postgresql', 'redis', 'mongodb'] as const;
export type DbType = (typeof DB_TYPES)[number];

export function isDbType(value: string): value is DbType {
  return (DB_TYPES as readonly string[]).includes(value);
}

/**
 * The db types a flow works on: named ones, or `'all'`. All is a value of its own because
 * it means more than the list of every type: Cloud 66 is asked for `all` (every database
 * of the stack), and a wait or a check then covers the types the stack has backups of.
 */
export type DbTypeSelection = readonly DbType[] | 'all';

/**
 * `'mysql, redis'` -> `['mysql', 'redis']`; `'all'` -> `'all'`. Case-insensitive,
 * duplicates dropped, order kept. Anything else throws an {@link InvalidInputError}
 * naming the bad entries and the valid ones.
 */
export function parseDbTypes(input: string | readonly string[]): DbType[] | 'all' {
  const parts = (typeof input === 'string' ? input.split(',') : [...input])
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  if (parts.length === 0) {
    throw new InvalidInputError(`no database type given: use ${DB_TYPES.join(', ')} or all`);
  }
  if (parts.includes('all')) {
    if (parts.length > 1) {
      throw new InvalidInputError(`"all" cannot be combined with other database types`);
    }
    return 'all';
  }
  const unknown = parts.filter((part) => !isDbType(part));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `unknown database type${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}: use ${DB_TYPES.join(', ')} or all`,
    );
  }
  return [...new Set(parts as DbType[])];
}

/** The db types a selection could cover: `'all'` -> every type there is (e.g. to pace polls). */
export function selectedDbTypes(selection: DbTypeSelection): readonly DbType[] {
  return selection === 'all' ? DB_TYPES : selection;
}
