import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { Readable } from 'node:stream';
import type { Sandbox } from '../src/index.js';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  json: any;
}

/** Calls the sandbox API over loopback like a client would. */
export async function api(
  sb: Sandbox,
  path: string,
  init: {
    token?: string | null;
    method?: string;
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  const token = init.token === undefined ? sb.token : init.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(`${sb.apiUrl}${path}`, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The download URL of a file, with Cloud 66's double encoding undone like the toolbelt does. */
export async function downloadUrl(
  sb: Sandbox,
  stackUid: string,
  backupId: number,
  fileId: string,
): Promise<string> {
  const res = await api(sb, `/stacks/${stackUid}/backups/${backupId}/files/${fileId}`);
  if (res.status !== 200) throw new Error(`files.get answered ${res.status}: ${res.text}`);
  return (res.json.response.public_url as string).replaceAll('%25', '%');
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Set when the connection failed before the body completed. */
  error?: Error;
  complete: boolean;
}

/** A GET over node:http that reports exactly what arrived, even when the body breaks off. */
export function rawGet(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let finish: ((error?: Error) => void) | undefined;
    const req = request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let done = false;
      finish = (error?: Error) => {
        if (done) return;
        done = true;
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          error,
          complete: res.complete,
        });
      };
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => finish?.());
      res.on('error', (error) => finish?.(error));
      res.on('aborted', () => finish?.(new Error('aborted')));
      res.on('close', () => finish?.(res.complete ? undefined : new Error('closed early')));
    });
    req.on('error', (error) => (finish ? finish(error) : reject(error)));
    req.end();
  });
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Polls until `check` returns a value (or throws after `timeoutMs`). */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function stackNamed(sb: Sandbox, name: string, environment = 'production') {
  const stack = sb.stacks().find((s) => s.name === name && s.environment === environment);
  if (!stack) throw new Error(`no seeded stack ${name}/${environment}`);
  return stack;
}

/**
 * A documented example answer: the core's contract fixtures are Cloud 66's examples, and
 * the sandbox must serve exactly their keys (data only; no core code is imported).
 */
// biome-ignore lint/suspicious/noExplicitAny: documented JSON
export function documented(name: string): any {
  const url = new URL(`../../core/test/contract/fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

/** Sorted keys, to compare an answer's fields with a documented one's. */
export const keys = (value: object): string[] => Object.keys(value).sort();
