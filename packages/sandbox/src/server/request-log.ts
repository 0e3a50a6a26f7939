import { inspect } from 'node:util';

/** A request as the sandbox received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/api/3/stacks/abc/backups`. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Milliseconds since the epoch (the sandbox clock). */
  at: number;
}

const SECRET_HEADERS = new Set(['authorization']);
const SECRET_QUERY = new Set(['Signature', 'AWSAccessKeyId']);

/** Keeps the latest requests; printing one never shows a token or a URL signature. */
export class RequestLog {
  private readonly items: RecordedRequest[] = [];

  constructor(private readonly max: number) {}

  record(entry: RecordedRequest): void {
    Object.defineProperty(entry, inspect.custom, { value: redactedInspect, enumerable: false });
    Object.defineProperty(entry, 'toJSON', { value: redacted, enumerable: false });
    this.items.push(entry);
    if (this.items.length > this.max) this.items.splice(0, this.items.length - this.max);
  }

  get all(): RecordedRequest[] {
    return this.items;
  }

  clear(): void {
    this.items.length = 0;
  }
}

function redacted(this: RecordedRequest) {
  const headers = Object.fromEntries(
    Object.entries(this.headers).map(([k, v]) => [k, SECRET_HEADERS.has(k) ? '[redacted]' : v]),
  );
  const query = Object.fromEntries(
    Object.entries(this.query).map(([k, v]) => [k, SECRET_QUERY.has(k) ? '[redacted]' : v]),
  );
  return { method: this.method, path: this.path, query, headers, at: this.at };
}

function redactedInspect(this: RecordedRequest, depth: number, options: object) {
  return inspect(redacted.call(this), { ...options, depth });
}
