import type { KyInstance } from 'ky';
import type * as z from 'zod/mini';
import { Cloud66Error, NetworkError, ThrottledError, TimeoutError } from './errors/index.js';
import { isTransientError } from './is-transient.js';
import {
  backoffDelayMs,
  parseRetryAfter,
  type ResolvedRetryOptions,
  type RetryOptions,
  resolveRetry,
} from './retry-policy.js';
import { abortedError, anySignal, sleep as realSleep, type Sleep } from './sleep.js';
import { validateResponse } from './validate-response.js';

/** One HTTP attempt, for request logs (no token; API query parameters only). */
export interface RequestEvent {
  method: string;
  /** Path relative to the base URL, with the API query (`/stacks/x/backups?page=2`). */
  path: string;
  /** HTTP status, or undefined when no answer came (network error, timeout, abort). */
  status: number | undefined;
  durationMs: number;
  requestId: string;
  /** 1 for the first try, 2 for the first retry... */
  attempt: number;
  /** The `X-Cloud66-Warning` header, when the API sent one. */
  warning?: string;
}

export interface TransportOptions {
  token: string;
  baseUrl: string;
  userAgent: string;
  accountId?: string;
  timeoutMs: number;
  retry?: RetryOptions;
  signal?: AbortSignal;
  onRequest?: (event: RequestEvent) => void;
  sleep?: Sleep;
  random?: () => number;
}

export interface CallOptions<S extends z.ZodMiniType> {
  method: 'GET' | 'POST';
  path: string;
  /** Endpoint template for errors: `GET /stacks/:id/backups`. */
  endpoint: string;
  /** Loaded on first use (see endpointSchema): zod stays out of start-up. */
  schema: () => Promise<S>;
  searchParams?: Record<string, string | number | boolean | undefined>;
  json?: unknown;
  signal?: AbortSignal;
  retry?: RetryOptions;
  onResponse?: (info: ResponseInfo) => void;
}

/** What a caller may learn of a successful answer beyond its body. */
export interface ResponseInfo {
  status: number;
  /** The server's clock (`Date` header, whole seconds), when sent. */
  date: Date | undefined;
  requestId: string;
}

export type Transport = <S extends z.ZodMiniType>(call: CallOptions<S>) => Promise<z.output<S>>;

interface Retryable {
  retryAfterMs?: number;
}
const retryable = new WeakMap<Cloud66Error, Retryable>();

/** The one HTTP path of the core: ky, auth headers, timeouts, retries, validation. */
export function createTransport(options: TransportOptions): Transport {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const clientRetry = resolveRetry(options.retry);
  // ky is imported with the first request: a process that never calls the API never loads it.
  let api: Promise<KyInstance> | undefined;
  const kyInstance = (): Promise<KyInstance> => {
    api ??= import('ky').then(({ default: ky }) => createKy(ky, options));
    return api;
  };

  return async function call<S extends z.ZodMiniType>(req: CallOptions<S>): Promise<z.output<S>> {
    const policy = req.retry ? resolveRetry(clientRetry, req.retry) : clientRetry;
    const signal = anySignal(options.signal, req.signal);
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw abortedError(signal);
      try {
        return await attemptOnce(req, attempt, signal);
      } catch (error) {
        const delay = retryDelay(error, req.method, attempt, policy);
        if (delay === undefined) throw error;
        await sleep(delay, signal);
      }
    }
  };

  function retryDelay(
    error: unknown,
    method: string,
    attempt: number,
    policy: ResolvedRetryOptions,
  ): number | undefined {
    const info = retryable.get(error as Cloud66Error);
    if (!info || method !== 'GET' || attempt > policy.limit) return undefined;
    if (info.retryAfterMs !== undefined) {
      return info.retryAfterMs <= policy.maxRetryAfterMs ? info.retryAfterMs : undefined;
    }
    return backoffDelayMs(attempt, policy, random);
  }

  async function attemptOnce<S extends z.ZodMiniType>(
    req: CallOptions<S>,
    attempt: number,
    signal: AbortSignal | undefined,
  ): Promise<z.output<S>> {
    const requestId = crypto.randomUUID();
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const started = performance.now();
    const query = queryString(req.searchParams);
    const event = (status: number | undefined, warning?: string | null): void => {
      const e: RequestEvent = {
        method: req.method,
        path: `${req.path}${query}`,
        status,
        durationMs: Math.round(performance.now() - started),
        requestId,
        attempt,
      };
      if (warning) e.warning = warning;
      options.onRequest?.(e);
    };
    const api = await kyInstance();
    let status: number;
    let text: string;
    let warning: string | null = null;
    let date: string | null = null;
    try {
      const response = await api(req.path.replace(/^\//, ''), {
        method: req.method,
        searchParams: req.searchParams,
        json: req.json,
        signal: anySignal(signal, timeout),
        context: { requestId },
      });
      status = response.status;
      warning = response.headers.get('x-cloud66-warning');
      date = response.headers.get('date');
      text = await response.text();
      if (!response.ok) {
        event(status, warning);
        // The status-to-class map reads the body with a schema: loaded with the first error.
        const { httpError } = await import('./errors/http-error.js');
        const error = httpError(status, text, { requestId, endpoint: req.endpoint });
        // Throttled is transient, but its window is an hour: not worth a retry inside a call.
        if (isTransientError(error) && !(error instanceof ThrottledError)) {
          const info: Retryable = {};
          const after = parseRetryAfter(response.headers.get('retry-after'));
          if (after !== undefined) info.retryAfterMs = after;
          retryable.set(error, info);
        }
        throw error;
      }
    } catch (error) {
      if (error instanceof Cloud66Error) throw error;
      event(undefined);
      if (signal?.aborted) throw abortedError(signal);
      const context = { cause: error, requestId, endpoint: req.endpoint };
      const failure = timeout.aborted
        ? new TimeoutError(`${req.endpoint}: no answer within ${options.timeoutMs} ms`, context)
        : new NetworkError(`${req.endpoint}: ${describeNetworkError(error)}`, context);
      retryable.set(failure, {});
      throw failure;
    }
    event(status, warning);
    const schema = await req.schema();
    const body = validateResponse(req.endpoint, schema, text, { requestId, status });
    const serverDate = date ? new Date(date) : undefined;
    req.onResponse?.({
      status,
      date: serverDate && !Number.isNaN(serverDate.getTime()) ? serverDate : undefined,
      requestId,
    });
    return body;
  }
}

function createKy(ky: typeof import('ky').default, options: TransportOptions): KyInstance {
  return ky.create({
    prefix: options.baseUrl,
    headers: {
      Authorization: `Bearer ${options.token}`,
      Accept: 'application/json',
      'User-Agent': options.userAgent,
      ...(options.accountId ? { 'X-Account': options.accountId } : {}),
    },
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    hooks: {
      beforeRequest: [
        ({ request, options: kyOptions }) => {
          request.headers.set('Request-Id', String(kyOptions.context.requestId));
        },
      ],
    },
  });
}

function queryString(params: CallOptions<z.ZodMiniType>['searchParams']): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `network error (${cause.code})`;
  return 'network error';
}
