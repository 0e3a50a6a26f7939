import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext } from './api-context.js';
import { type ApiResult, apiError, errorCodeFor, errors } from './api-errors.js';
import { API_PREFIX, type ApiRoute, matchApiRoute } from './api-routes.js';
import { getBackup, listBackups } from './backups-api.js';
import { writeBody } from './body-writer.js';
import { createBackup } from './create-api.js';
import { driftBody } from './drift.js';
import type { BodyFault, FaultContext, FaultRoute } from './fault-types.js';
import { getFile, listFiles } from './files-api.js';
import { railsJson } from './json.js';
import { BodyError, readRequestBody } from './request-body.js';
import { type ServerDeps, sleep } from './server-deps.js';
import { getStack, listStacks } from './stacks-api.js';

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
  if (!auth) return send(res, req, errors.unauthenticated(), headers);
  if (deps.limiter.enabled) {
    const rate = deps.limiter.hit(auth.token);
    headers['X-RateLimit-Limit'] = String(rate.limit);
    headers['X-RateLimit-Remaining'] = String(rate.remaining);
    if (!rate.allowed) return send(res, req, errors.throttled(), headers);
  }
  const route = matchApiRoute(req.method ?? 'GET', url.pathname.slice(API_PREFIX.length));
  if (!route) {
    return send(
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
      return send(res, req, errors.badRequest(error.message), headers);
    }
  }
  const ctx: ApiContext = {
    world: deps.world,
    lifecycle: deps.lifecycle,
    presigner: deps.presigner,
    etags: deps.etags,
    files: deps.files,
    origin: deps.origin(),
    now: deps.opts.now,
    splitThresholdBytes: deps.opts.splitThresholdBytes,
    urlTtlSeconds: deps.opts.urlTtlSeconds,
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
    const result: ApiResult =
      fault.body !== undefined
        ? { status, body: fault.body }
        : apiError(
            status,
            fault.error ?? errorCodeFor(status),
            `Simulated ${status} response`,
            'Injected by the sandbox',
          );
    return send(res, req, result, { ...headers, ...fault.headers });
  }
  const result = HANDLERS[route.route as keyof typeof HANDLERS](ctx);
  if (fault?.kind === 'drift')
    return send(res, req, { ...result, body: driftBody(result.body) }, headers);
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
  return send(res, req, result, headers, fault);
}

function faultContext(route: ApiRoute, ctx: ApiContext): FaultContext {
  const { stackUid, backupId, fileId } = route.params;
  const id = backupId && /^\d+$/.test(backupId) ? Number(backupId) : undefined;
  let dbType =
    ctx.query.get('db_type') ??
    (typeof ctx.body.db_type === 'string' ? ctx.body.db_type : undefined);
  if (id !== undefined && stackUid)
    dbType = ctx.world.stack(stackUid)?.backups.get(id)?.api.db_type ?? dbType;
  return { route: route.route, stackUid, backupId: id, fileId, dbType };
}

function send(
  res: ServerResponse,
  req: IncomingMessage,
  result: ApiResult,
  headers: Record<string, string>,
  fault?: BodyFault,
): Promise<void> {
  const all = { ...headers, ...result.headers };
  return sendText(res, req, result.status, railsJson(result.body), all, fault);
}

async function sendText(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  text: string,
  headers: Record<string, string>,
  fault?: BodyFault,
): Promise<void> {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  await writeBody(res, [body], fault);
}
