import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeBody } from '../../faults/body-writer.js';
import type { BodyFault } from '../../faults/fault-types.js';
import type { ApiResult } from './api-errors.js';
import { railsJson } from './json.js';

/** Sends an API result as Rails-style JSON, optionally broken by a body fault. */
export function sendResult(
  res: ServerResponse,
  req: IncomingMessage,
  result: ApiResult,
  headers: Record<string, string>,
  fault?: BodyFault,
): Promise<void> {
  const all = { ...headers, ...result.headers };
  return sendText(res, req, result.status, railsJson(result.body), all, fault);
}

/** Sends a text body (JSON unless `headers` say otherwise) with its exact Content-Length. */
export async function sendText(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  text: string,
  headers: Record<string, string>,
  fault?: BodyFault,
): Promise<void> {
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-cache',
    ...headers,
    'Content-Length': String(body.length),
  });
  if (req.method === 'HEAD') return void res.end();
  await writeBody(res, [body], fault);
}
