import type {
  BackupFileUrl,
  CallOptions,
  ClientOptions,
  CreateBackupOptions,
  ImportBackupOptions,
  ListOptions,
} from './client-options.js';
import { InvalidInputError } from './errors/index.js';
import { createTransport } from './http.js';
import { endpointSchema } from './lazy-schema.js';
import { type FetchPage, type Paginated, paginate } from './paginate.js';
import { parseApiUrl } from './parse-api-url.js';
import { undoDoubleEncoding } from './public-url.js';
import { registerSecret } from './redact.js';
import { refuseNotOk } from './refuse-not-ok.js';
import type { Backup } from './schemas/backup.js';
import type { BackupFile, QueuedResult } from './schemas/backup-file.js';
import type { EndpointBody, GetEndpoint, ListEndpoint } from './schemas/endpoints.js';
import type { Stack } from './schemas/stack.js';
import { type ListBody, toPage } from './to-page.js';
import { buildUserAgent } from './user-agent.js';

export type Client = ReturnType<typeof createClient>;

/** The typed Cloud 66 API v3 client for stacks, backups and backup files. */
export function createClient(options: ClientOptions) {
  if (typeof options.token !== 'string' || options.token.trim() === '') {
    throw new InvalidInputError('a Cloud 66 API token is required');
  }
  registerSecret(options.token);
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (!(timeoutMs > 0)) throw new InvalidInputError(`timeoutMs must be > 0, got ${timeoutMs}`);
  const call = createTransport({
    token: options.token,
    // The one reading of an API URL (blank: Cloud 66's; http(s) only; no trailing slash).
    baseUrl: parseApiUrl(options.baseUrl),
    userAgent: buildUserAgent(options.userAgent),
    accountId: options.accountId === undefined ? undefined : String(options.accountId),
    timeoutMs,
    retry: options.retry,
    signal: options.signal,
    onRequest: options.onRequest,
    sleep: options.sleep,
    random: options.random,
  });

  function list<E extends ListEndpoint>(
    path: string,
    endpoint: E,
    params: Record<string, string | number | undefined>,
    opts: ListOptions,
    keyOf: (item: EndpointBody<E>['response'][number]) => unknown,
  ): Paginated<EndpointBody<E>['response'][number]> {
    type Item = EndpointBody<E>['response'][number];
    const schema = endpointSchema(endpoint);
    const fetchPage: FetchPage<Item> = async (page, signal) => {
      const body = await call({
        method: 'GET',
        path,
        endpoint,
        schema,
        searchParams: { ...params, page },
        signal,
        retry: opts.retry,
      });
      return toPage(body as ListBody<Item>, page);
    };
    return paginate(fetchPage, {
      concurrency: opts.concurrency ?? options.pageConcurrency,
      signal: opts.signal,
      keyOf: keyOf as (item: never) => unknown,
      onListChange: opts.onListChange ?? options.onListChange,
    });
  }

  const get = <E extends GetEndpoint>(
    path: string,
    endpoint: E,
    opts: CallOptions,
  ): Promise<EndpointBody<E>['response']> =>
    call({ method: 'GET', path, endpoint, schema: endpointSchema(endpoint), ...opts }).then(
      (body) => (body as EndpointBody<E>).response,
    );

  const post = (path: string, json: Record<string, unknown>, opts: CallOptions) =>
    call({
      method: 'POST',
      path,
      endpoint: 'POST /stacks/:id/backups',
      schema: endpointSchema('POST /stacks/:id/backups'),
      json,
      signal: opts.signal,
      onResponse: opts.onResponse,
    }).then((body): QueuedResult => refuseNotOk('POST /stacks/:id/backups', body.response));

  return {
    stacks: {
      /** `GET /stacks`, optionally filtered by exact name and environment. */
      list(filters: { name?: string; environment?: string } & ListOptions = {}): Paginated<Stack> {
        const params = { filter_name: filters.name, filter_environment: filters.environment };
        return list('/stacks', 'GET /stacks', params, filters, (s) => s.uid);
      },
      /** `GET /stacks/:uid`. */
      async get(uid: string, opts: CallOptions = {}): Promise<Stack> {
        return get(`/stacks/${seg(uid, 'stack uid')}`, 'GET /stacks/:id', opts);
      },
    },
    backups: {
      /** `GET /stacks/:id/backups`, newest first. */
      list(
        stackUid: string,
        filters: { group?: number; dbType?: string } & ListOptions = {},
      ): Paginated<Backup> {
        const params = { group: filters.group, db_type: filters.dbType };
        const path = `/stacks/${seg(stackUid, 'stack uid')}/backups`;
        return list(path, 'GET /stacks/:id/backups', params, filters, (b) => b.id);
      },
      /** `GET /stacks/:id/backups/:id`. */
      async get(stackUid: string, backupId: number, opts: CallOptions = {}): Promise<Backup> {
        const path = `/stacks/${seg(stackUid, 'stack uid')}/backups/${id(backupId)}`;
        return get(path, 'GET /stacks/:id/backups/:id', opts);
      },
      /** `POST /stacks/:id/backups`: queues a backup task (never retried: not idempotent). */
      async create(stackUid: string, create: CreateBackupOptions): Promise<QueuedResult> {
        const dbTypes = create.dbTypes === 'all' ? 'all' : create.dbTypes.join(',');
        if (dbTypes === '') throw new InvalidInputError('dbTypes must name at least one db type');
        const json = stripUndefined({
          db_type: dbTypes,
          frequency: create.frequency,
          keep_count: create.keepCount,
          gzip: create.gzip,
          excluded_tables: create.excludedTables,
          run_on_replica_server: create.runOnReplicaServer,
        });
        return post(`/stacks/${seg(stackUid, 'stack uid')}/backups`, json, create);
      },
      /** `POST /stacks/:id/backups` with `remote_url`: imports an external backup. */
      async import(stackUid: string, imp: ImportBackupOptions): Promise<QueuedResult> {
        const json = { group: imp.group, db_type: imp.dbType, remote_url: imp.remoteUrl };
        return post(`/stacks/${seg(stackUid, 'stack uid')}/backups`, json, imp);
      },
    },
    files: {
      /** `GET /stacks/:id/backups/:id/files`: `tar`, or parts `tar-aa`, `tar-ab`... */
      list(stackUid: string, backupId: number, opts: ListOptions = {}): Paginated<BackupFile> {
        const path = `/stacks/${seg(stackUid, 'stack uid')}/backups/${id(backupId)}/files`;
        return list(path, 'GET /stacks/:id/backups/:id/files', {}, opts, (f) => f.id);
      },
      /** `GET .../files/:id`: a fresh presigned URL (a secret; it expires). */
      async get(
        stackUid: string,
        backupId: number,
        fileId: string,
        opts: CallOptions = {},
      ): Promise<BackupFileUrl> {
        const path = `/stacks/${seg(stackUid, 'stack uid')}/backups/${id(backupId)}/files/${seg(fileId, 'file id')}`;
        const endpoint = 'GET /stacks/:id/backups/:id/files/:id';
        const body = refuseNotOk(endpoint, await get(path, endpoint, opts));
        return { ok: true, publicUrl: undoDoubleEncoding(body.public_url) };
      },
    },
  };
}

function seg(value: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidInputError(`${what} must be a non-empty string`);
  }
  return encodeURIComponent(value);
}

function id(value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new InvalidInputError(`backup id must be a positive integer, got ${value}`);
  }
  return value;
}

function stripUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
