import { DB_TYPES, type DbType, isDbType } from '../world/model.js';
import { type ApiResult, errors } from './envelopes/api-errors.js';

/** A validated value, or the 400 to answer instead. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: ApiResult };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (details: string): Checked<never> => ({ ok: false, error: errors.badRequest(details) });

export function pageParam(query: URLSearchParams): Checked<number> {
  const raw = query.get('page');
  if (raw === null || raw === '') return ok(1);
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    return bad(`page must be a positive integer (got "${raw}")`);
  return ok(Number(raw));
}

export function dbTypeParam(raw: unknown): Checked<DbType | undefined> {
  if (raw === undefined || raw === null || raw === '') return ok(undefined);
  const text = String(raw);
  if (!isDbType(text)) return bad(`db_type must be one of ${DB_TYPES.join(', ')} (got "${text}")`);
  return ok(text);
}

export function integerParam(name: string, raw: unknown, min = 1): Checked<number | undefined> {
  if (raw === undefined || raw === null || raw === '') return ok(undefined);
  const text = String(raw);
  if (!/^-?\d+$/.test(text) || Number(text) < min) {
    return bad(`${name} must be an integer >= ${min} (got "${text}")`);
  }
  return ok(Number(text));
}

export function booleanParam(name: string, raw: unknown): Checked<boolean | undefined> {
  if (raw === undefined || raw === null || raw === '') return ok(undefined);
  if (raw === true || raw === 'true' || raw === '1' || raw === 1) return ok(true);
  if (raw === false || raw === 'false' || raw === '0' || raw === 0) return ok(false);
  return bad(`${name} must be true or false (got "${String(raw)}")`);
}

/** Five cron fields, each `*`, numbers, ranges, lists or steps. */
export function cronParam(raw: unknown): Checked<string | undefined> {
  if (raw === undefined || raw === null || raw === '') return ok(undefined);
  const text = String(raw).trim();
  const field = /^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/;
  const fields = text.split(/\s+/);
  if (fields.length !== 5 || !fields.every((f) => field.test(f))) {
    return bad(`frequency must be a cron expression with five fields (got "${text}")`);
  }
  return ok(text);
}
