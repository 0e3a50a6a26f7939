import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { driftBody } from '../faults/drift.js';
import type { FaultContext, FaultRoute } from '../faults/fault-types.js';
import { applyListShift } from '../faults/list-shift.js';
import type { ServerDeps } from '../server/server-deps.js';
import { sleep } from '../shared/sleep.js';
import type { ApiContext } from './api-context.js';
import { API_PREFIX, type ApiRoute, matchApiRoute } from './api-routes.js';
import { getBackup, listBackups } from './endpoints/backups-api.js';
import { createBackup } from './endpoints/create-api.js';
import { getFile, listFiles } from './endpoints/files-api.js';
import { getStack, listStacks } from './endpoints/stacks-api.js';
import { type ApiResult, apiError, errorCodeFor, errors } from './envelopes/api-errors.js';
import { sendResult, sendText } from './envelopes/api-response.js';
import { railsJson } from './envelopes/json.js';
import { BodyError, readRequestBody } from './request-body.js';

const HANDLERS: Record<Exclude<FaultRoute, 'download'>, (ctx: ApiContext) => ApiResult> = {
  'stacks.list': listStacks,
  'stacks.get': getStack,
  'backups.list': listBackups,
  'backups.get': getBackup,
  'backups.create': createBackup,
  'files.list': listFiles,
  'files.get': getFile,
};

/** Serves one `/api/3/...` request: latency, auth, rate limit, faults, then the route. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: ServerDeps,
): Promise<void> {
  const requestId = String(
    req.headers['request-id'] ?? req.headers['x-request-id'] ?? randomUUID(),
  );
  const headers: Record<string, string> = { 'X-Request-Id': requestId };
  await sleep(deps.opts.latencyMs);

  const auth = deps.tokens.scopeOf(req.headers.authorization);
  if (!auth) return sendResult(res, req, errors.unauthenticated(), headers);
  if (deps.limiter.enabled) {
    const rate = deps.limiter.hit(auth.token);
    headers['X-RateLimit-Limit'] = String(rate.limit);
    headers['X-RateLimit-Remaining'] = String(rate.remaining);
    if (!rate.allowed) return sendResult(res, req, errors.throttled(), headers);
  }
  const route = matchApiRoute(req.method ?? 'GET', url.pathname.slice(API_PREFIX.length));
  if (!route) {
    return sendResult(
      res,
      req,
      errors.notFound(`No route matches ${req.method} ${url.pathname}`),
      headers,
    );
  }
  let body: Record<string, unknown> = {};
  if (req.method === 'POST') {
    try {
      body = await readRequestBody(req);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      return sendResult(res, req, errors.badRequest(error.message), headers);
    }
  }
  const ctx: ApiContext = {
    world: deps.world,
    lifecycle: deps.lifecycle,
    presigner: deps.presigner,
    files: deps.files,
    origin: deps.origin(),
    now: deps.opts.now,
    splitThresholdBytes: deps.opts.splitThresholdBytes,
    urlTtlSeconds: deps.opts.urlTtlSeconds,
    profile: deps.opts.profile,
    scope: auth.scope,
    query: url.searchParams,
    body,
    params: route.params,
  };
  const decision = deps.faults.take(faultContext(route, ctx));
  await sleep(decision.latencyMs);
  const fault = decision.fault;
  if (fault?.kind === 'status') {
    const status = fault.status;
    if (typeof fault.body === 'string') {
      // A non-JSON error page, like a proxy in front of the API would send.
      const pageHeaders = {
        'Content-Type': 'text/html; charset=utf-8',
        ...headers,
        ...fault.headers,
      };
      return sendText(res, req, status, fault.body, pageHeaders);
    }
    const result: ApiResult =
      fault.body !== undefined
        ? { status, body: fault.body }
        : apiError(
            status,
            fault.error ?? errorCodeFor(status),
            `Simulated ${status} response`,
            'Injected by the sandbox',
          );
    return sendResult(res, req, result, { ...headers, ...fault.headers });
  }
  const result = HANDLERS[route.route as keyof typeof HANDLERS](ctx);
  if (fault?.kind === 'shift') {
    // After the page is computed: the change lands between this request and the next.
    const stack = deps.world.stack(route.params.stackUid ?? '');
    if (stack) applyListShift(deps.world, stack, fault, deps.opts.now());
  }
  if (fault?.kind === 'drift')
    return sendResult(res, req, { ...result, body: driftBody(result.body) }, headers);
  if (fault?.kind === 'malformed-json') {
    const text = railsJson(result.body);
    return sendText(
      res,
      req,
      200,
      text.slice(0, Math.max(1, Math.floor(text.length * 0.6))),
      headers,
    );
  }
  const bodyFault =
    fault && fault.kind !== 'shift' && fault.kind !== 'redirect' ? fault : undefined;
  return sendResult(res, req, result, headers, bodyFault);
}

function faultContext(route: ApiRoute, ctx: ApiContext): FaultContext {
  const { stackUid, backupId, fileId } = route.params;
  const id = backupId && /^\d+$/.test(backupId) ? Number(backupId) : undefined;
  let dbType =
    ctx.query.get('db_type') ??
    (typeof ctx.body.db_type === 'string' ? ctx.body.db_type : undefined);
  if (id !== undefined && stackUid)
    dbType = ctx.world.stack(stackUid)?.backups.get(id)?.api.db_type ?? dbType;
  const pageText = ctx.query.get('page');
  const page = route.route.endsWith('.list') ? Number(pageText ?? 1) : undefined;
  return { route: route.route, stackUid, backupId: id, fileId, dbType, page };
}
