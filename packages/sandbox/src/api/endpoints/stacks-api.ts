import type { Stack } from '../../world/model.js';
import { presentStack } from '../../world/profile/present.js';
import type { ApiContext } from '../api-context.js';
import { type ApiResult, errors } from '../envelopes/api-errors.js';
import { arrayView, paginate } from '../envelopes/pagination.js';
import { pageParam } from '../params.js';

const FILTERS: Array<[string, (s: Stack) => string | undefined]> = [
  ['filter_name', (s) => s.name],
  ['filter_environment', (s) => s.environment],
  ['filter_git_repo', (s) => s.git],
  ['filter_git_branch', (s) => s.git_branch],
];

/**
 * `GET /stacks`: paged, with the undocumented exact-match filters (case-insensitive). They
 * match what is served: a stack that does not carry `git` matches no `filter_git_repo`.
 */
export function listStacks(ctx: ApiContext): ApiResult {
  const page = pageParam(ctx.query);
  if (!page.ok) return page.error;
  let stacks = ctx.world.stacks.map((s) => presentStack(s, ctx.profile));
  for (const [param, field] of FILTERS) {
    const wanted = ctx.query.get(param);
    if (wanted) stacks = stacks.filter((s) => field(s)?.toLowerCase() === wanted.toLowerCase());
  }
  return { status: 200, body: paginate(arrayView(stacks), page.value, (s) => s) };
}

/** `GET /stacks/:uid`. */
export function getStack(ctx: ApiContext): ApiResult {
  const stack = ctx.world.stack(ctx.params.stackUid ?? '');
  if (!stack) return errors.notFound('Stack not found');
  return { status: 200, body: { response: presentStack(stack, ctx.profile) } };
}
