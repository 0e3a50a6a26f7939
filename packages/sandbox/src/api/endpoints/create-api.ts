import { DB_TYPES, type DbType, isDbType } from '../../world/model.js';
import type { StoredStack } from '../../world/world.js';
import type { ApiContext } from '../api-context.js';
import { type ApiResult, errors } from '../envelopes/api-errors.js';
import { booleanParam, cronParam, integerParam } from '../params.js';

function param(ctx: ApiContext, name: string): unknown {
  return ctx.body[name] ?? ctx.query.get(name) ?? undefined;
}

/** Parses `db_type` ("mysql,redis", "all", or an array) against the stack's databases. */
function dbTypesOf(stack: StoredStack, raw: unknown, allowAll: boolean): DbType[] | ApiResult {
  const text = Array.isArray(raw) ? raw.join(',') : raw === undefined ? '' : String(raw);
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) {
    if (allowAll) return [...stack.dbTypes];
    return errors.badRequest('db_type is required');
  }
  if (allowAll && names.includes('all')) {
    if (names.length > 1)
      return errors.badRequest('db_type "all" cannot be combined with other types');
    return [...stack.dbTypes];
  }
  const valid = allowAll ? `all, ${DB_TYPES.join(', ')}` : DB_TYPES.join(', ');
  const types: DbType[] = [];
  for (const name of names) {
    if (!isDbType(name))
      return errors.badRequest(`db_type must be one of ${valid} (got "${name}")`);
    if (!stack.dbTypes.includes(name)) {
      return errors.badRequest(
        `This stack has no ${name} database (it has: ${stack.dbTypes.join(', ') || 'none'})`,
      );
    }
    if (!types.includes(name)) types.push(name);
  }
  return types;
}

/** `POST /stacks/:uid/backups`: a backup task per db type, or an import with `group` + `remote_url`. */
export function createBackup(ctx: ApiContext): ApiResult {
  if (ctx.scope !== 'admin') return errors.forbidden();
  const stack = ctx.world.stack(ctx.params.stackUid ?? '');
  if (!stack) return errors.notFound('Stack not found');
  const group = param(ctx, 'group');
  const remoteUrl = param(ctx, 'remote_url');
  if (group !== undefined || remoteUrl !== undefined)
    return importBackup(ctx, stack, group, remoteUrl);

  const dbTypes = dbTypesOf(stack, param(ctx, 'db_type'), true);
  if (!Array.isArray(dbTypes)) return dbTypes;
  const frequency = cronParam(param(ctx, 'frequency'));
  if (!frequency.ok) return frequency.error;
  const keepCount = integerParam('keep_count', param(ctx, 'keep_count'));
  if (!keepCount.ok) return keepCount.error;
  const gzip = booleanParam('gzip', param(ctx, 'gzip'));
  if (!gzip.ok) return gzip.error;
  const replica = booleanParam('run_on_replica_server', param(ctx, 'run_on_replica_server'));
  if (!replica.ok) return replica.error;
  const excluded = param(ctx, 'excluded_tables');
  ctx.lifecycle.create(stack, {
    dbTypes,
    frequency: frequency.value ?? null,
    keepCount: keepCount.value ?? null,
    gzip: gzip.value ?? false,
    excludedTables: excluded === undefined || excluded === '' ? null : String(excluded),
    runOnReplicaServer: replica.value ?? false,
  });
  return { status: 200, body: { response: { ok: true, message: 'queued for creation' } } };
}

function importBackup(
  ctx: ApiContext,
  stack: StoredStack,
  rawGroup: unknown,
  rawUrl: unknown,
): ApiResult {
  const group = integerParam('group', rawGroup);
  if (!group.ok) return group.error;
  if (group.value === undefined) return errors.badRequest('group is required to import a backup');
  const dbTypes = dbTypesOf(stack, param(ctx, 'db_type'), false);
  if (!Array.isArray(dbTypes)) return dbTypes;
  if (dbTypes.length !== 1) return errors.badRequest('import takes exactly one db_type');
  const dbType = dbTypes[0] as DbType;
  const target = stack.groups.find((g) => g.group === group.value);
  if (!target) return errors.badRequest(`group ${group.value} is not a backup group of this stack`);
  if (target.dbType !== dbType) {
    return errors.badRequest(`group ${group.value} holds ${target.dbType} backups, not ${dbType}`);
  }
  const url = typeof rawUrl === 'string' ? rawUrl : '';
  if (!/^https?:\/\/[^\s]+$/i.test(url) || !URL.canParse(url)) {
    return errors.badRequest('remote_url must be an http(s) URL');
  }
  ctx.lifecycle.import(stack, dbType, group.value, url);
  return {
    status: 200,
    body: { response: { ok: true, message: 'Your external backup queued for upload' } },
  };
}
