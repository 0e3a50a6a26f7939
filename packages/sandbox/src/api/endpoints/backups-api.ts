import type { StoredBackup } from '../../world/model.js';
import { presentBackup } from '../../world/profile/present.js';
import type { StoredStack } from '../../world/world.js';
import type { ApiContext } from '../api-context.js';
import { type ApiResult, errors } from '../envelopes/api-errors.js';
import { paginate } from '../envelopes/pagination.js';
import { dbTypeParam, integerParam, pageParam } from '../params.js';

/** The stack and backup a request names, or the 404 to answer. */
export function findBackup(
  ctx: ApiContext,
): { stack: StoredStack; backup: StoredBackup } | { error: ApiResult } {
  const stack = ctx.world.stack(ctx.params.stackUid ?? '');
  if (!stack) return { error: errors.notFound('Stack not found') };
  const id = ctx.params.backupId ?? '';
  const backup = /^\d+$/.test(id) ? stack.backups.get(Number(id)) : undefined;
  if (!backup) return { error: errors.notFound('Backup not found') };
  return { stack, backup };
}

/** `GET /stacks/:uid/backups`: newest first, filtered by `group` and `db_type`. */
export function listBackups(ctx: ApiContext): ApiResult {
  const stack = ctx.world.stack(ctx.params.stackUid ?? '');
  if (!stack) return errors.notFound('Stack not found');
  const page = pageParam(ctx.query);
  if (!page.ok) return page.error;
  const dbType = dbTypeParam(ctx.query.get('db_type'));
  if (!dbType.ok) return dbType.error;
  const group = integerParam('group', ctx.query.get('group'), 0);
  if (!group.ok) return group.error;
  const view = stack.backups.view(
    { dbType: dbType.value, group: group.value },
    (g) => stack.groups.find((x) => x.group === g)?.dbType,
  );
  return {
    status: 200,
    body: paginate(view, page.value, (b) => presentBackup(b, ctx.profile)),
  };
}

/** `GET /stacks/:uid/backups/:id`. */
export function getBackup(ctx: ApiContext): ApiResult {
  const found = findBackup(ctx);
  if ('error' in found) return found.error;
  return { status: 200, body: { response: presentBackup(found.backup, ctx.profile) } };
}
