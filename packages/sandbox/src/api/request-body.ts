import type { IncomingMessage } from 'node:http';

const MAX_BODY = 1024 * 1024;

export class BodyError extends Error {
  readonly code = 'SANDBOX_BAD_BODY';
}

/** Reads a JSON or form-encoded request body into a flat object (empty body: `{}`). */
export async function readRequestBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BodyError('request body is larger than 1 MiB');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('json') || /^\s*[{[]/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new BodyError('request body is not valid JSON', { cause });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BodyError('request body must be a JSON object');
    }
    return value as Record<string, unknown>;
  }
  return Object.fromEntries(new URLSearchParams(text));
}
