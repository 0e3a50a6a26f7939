import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { handleApi } from '../api/api-handler.js';
import { API_PREFIX } from '../api/api-routes.js';
import { errors } from '../api/envelopes/api-errors.js';
import { railsJson } from '../api/envelopes/json.js';
import { handleFileHost } from '../file-host/file-host.js';
import { FILE_HOST_MIRROR_PREFIX, FILE_HOST_PREFIX } from '../file-host/file-host-paths.js';
import type { RequestLog } from './request-log.js';
import type { ServerDeps } from './server-deps.js';

/** An HTTP server for the API (`/api/3`) and the file host (`/s3/`, mirrored at `/s3-mirror/`) on one port. */
export function createSandboxServer(
  deps: ServerDeps,
  log: RequestLog,
): { server: Server; sockets: Set<Socket> } {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void route(req, res, deps, log).catch((error: unknown) => fail(res, error));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A client that disconnects mid-body is routine for a download server.
  server.on('clientError', (_error, socket) => socket.destroy());
  return { server, sockets };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
  log: RequestLog,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  log.record({
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: { ...req.headers },
    at: deps.opts.now(),
  });
  // The sandbox clock, not the wall clock: clients correlate on the server's Date.
  res.setHeader('Date', new Date(deps.opts.now()).toUTCString());
  if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) {
    return handleApi(req, res, url, deps);
  }
  if (url.pathname.startsWith(FILE_HOST_PREFIX) || url.pathname.startsWith(FILE_HOST_MIRROR_PREFIX))
    return handleFileHost(req, res, url, deps);
  const body = railsJson(errors.notFound(`No route matches ${req.method} ${url.pathname}`).body);
  res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(body);
}

function fail(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(
    railsJson({
      error: 'internal_server_error',
      error_description: 'Sandbox error',
      details: message,
    }),
  );
}
