import { inspect } from 'node:util';
import ky from 'ky';
import { describe, expect, it } from 'vitest';
import { sandboxClient, useSandbox } from '../../test/sandbox.js';
import {
  AbortedError,
  ApiError,
  Cloud66Error,
  ConflictError,
  createClient,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  ResponseValidationError,
  ThrottledError,
  TimeoutError,
  TrialExpiredError,
  UnauthenticatedError,
} from '../index.js';

const sandbox = useSandbox();

/** Every surface an error can leak through. */
function surfaces(error: unknown): string {
  const chain: unknown[] = [];
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) chain.push(e);
  return [
    String(error),
    (error as Error).stack ?? '',
    JSON.stringify(error),
    inspect(error, { depth: 20, showHidden: true }),
    ...chain.map((e) => `${(e as Error).message}\n${(e as Error).stack}`),
  ].join('\n');
}

async function caught(promise: Promise<unknown>): Promise<Cloud66Error> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Cloud66Error);
    return error as Cloud66Error;
  }
  throw new Error('expected a rejection');
}

describe('API errors', () => {
  const statuses = [
    { status: 402, error: 'trial_expired', type: TrialExpiredError, code: 'TRIAL_EXPIRED' },
    { status: 409, error: 'conflict', type: ConflictError, code: 'CONFLICT' },
    { status: 400, error: 'bad_request', type: ApiError, code: 'API_ERROR' },
    { status: 503, error: 'not_implemented', type: ApiError, code: 'API_ERROR' },
  ] as const;
  for (const { status, error, type, code } of statuses) {
    it(`${status} ${error} -> ${type.name}`, async () => {
      const sb = sandbox();
      const { client } = sandboxClient(sb, { retry: { limit: 0 } });
      sb.faults.inject({ route: 'stacks.list', kind: 'status', status, error });
      const e = await caught(client.stacks.list().page(1));
      expect(e).toBeInstanceOf(type);
      expect(e).toMatchObject({ code, status, apiError: error, endpoint: 'GET /stacks' });
      expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(e.message).not.toBe('');
    });
  }

  it('401 for a revoked token -> UnauthenticatedError, with the token nowhere', async () => {
    const sb = sandbox();
    const token = 'revoked-token-0123456789abcdef';
    sb.addToken(token, 'admin');
    const { client } = sandboxClient(sb, { token });
    await client.stacks.list().page(1);
    sb.revokeToken(token);
    const e = await caught(client.stacks.list().page(1));
    expect(e).toBeInstanceOf(UnauthenticatedError);
    expect(e).toMatchObject({ status: 401, apiError: 'unauthenticated' });
    expect(surfaces(e)).not.toContain(token);
  });

  it('403 for create with a read-only token -> ForbiddenError', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb, { token: sb.readOnlyToken });
    const stack = sb.stacks()[0];
    if (!stack) throw new Error('no stack');
    const e = await caught(client.backups.create(stack.uid, { dbTypes: ['mysql'] }));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(e.status).toBe(403);
  });

  it('404 for an unknown stack -> NotFoundError', async () => {
    const { client } = sandboxClient(sandbox());
    const e = await caught(client.stacks.get('0'.repeat(32)));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e).toMatchObject({ status: 404, apiError: 'not_found', endpoint: 'GET /stacks/:id' });
  });

  it('503 throttled -> ThrottledError', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    sb.faults.inject({ route: 'backups.list', kind: 'status', status: 503, error: 'throttled' });
    const stack = sb.stacks()[0];
    if (!stack) throw new Error('no stack');
    const e = await caught(client.backups.list(stack.uid).page(1));
    expect(e).toBeInstanceOf(ThrottledError);
    expect(e.code).toBe('THROTTLED');
  });

  it('message: details, else error_description, else "unexpected error (status N)"', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb, { retry: { limit: 0 } });
    const page = () => client.stacks.list().page(1);
    sb.faults.inject({
      route: 'stacks.list',
      kind: 'status',
      status: 400,
      body: { error: 'bad_request', error_description: 'Bad request', details: 'page is wrong' },
    });
    expect((await caught(page())).message).toBe('page is wrong');
    sb.faults.inject({
      route: 'stacks.list',
      kind: 'status',
      status: 400,
      body: { error: 'bad_request', error_description: 'Bad request' },
    });
    expect((await caught(page())).message).toBe('Bad request');
    sb.faults.inject({
      route: 'stacks.list',
      kind: 'status',
      status: 502,
      body: '<html>oops</html>',
    });
    const e = await caught(page());
    expect(e.message).toBe('unexpected error (status 502)');
    expect(e.apiError).toBeUndefined();
  });
});

describe('transport errors', () => {
  it('nothing listening -> NetworkError', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb, { baseUrl: 'http://127.0.0.1:9/api/3' });
    const e = await caught(client.stacks.list().page(1));
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.endpoint).toBe('GET /stacks');
  });

  it('no answer within timeoutMs -> TimeoutError (after the retries)', async () => {
    const sb = sandbox();
    const { client, events } = sandboxClient(sb, { timeoutMs: 50, retry: { limit: 1 } });
    sb.faults.inject({ route: 'stacks.list', kind: 'latency', ms: 1000, times: 2 });
    const e = await caught(client.stacks.list().page(1));
    expect(e).toBeInstanceOf(TimeoutError);
    expect(events.map((x) => [x.attempt, x.status])).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    sb.faults.clear();
  });

  it('an aborted signal -> AbortedError, and no request is sent', async () => {
    const sb = sandbox();
    sb.clearRequests();
    const { client } = sandboxClient(sb);
    const controller = new AbortController();
    controller.abort();
    const e = await caught(client.stacks.list({ signal: controller.signal }).page(1));
    expect(e).toBeInstanceOf(AbortedError);
    expect(sb.requests).toHaveLength(0);
  });

  it('aborting mid-request -> AbortedError', async () => {
    const sb = sandbox();
    const controller = new AbortController();
    const { client } = sandboxClient(sb, { signal: controller.signal });
    sb.faults.inject({ route: 'stacks.list', kind: 'latency', ms: 5000 });
    const pending = client.stacks.list().page(1);
    setTimeout(() => controller.abort(), 20);
    expect(await caught(pending)).toBeInstanceOf(AbortedError);
    sb.faults.clear();
  });
});

describe('response validation', () => {
  it('schema drift -> ResponseValidationError naming the endpoint and the issues, not the body', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    const stack = sb.stacks()[0];
    if (!stack) throw new Error('no stack');
    sb.faults.inject({ route: 'backups.list', kind: 'drift' });
    const e = await caught(client.backups.list(stack.uid).page(1));
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect(e.message).toContain('GET /stacks/:id/backups');
    expect(e.message).toMatch(/pagination/);
    expect(e.message).toMatch(/backup_status/);
    expect(e.message).not.toContain('storage_path":');
    expect(e.message).not.toContain(stack.uid);
    // Every drifted record repeats the same issues: one line each, with a count.
    expect(e.message).toMatch(/→ at response\[\]\.id \(30 times\)/);
    expect(e.message).toMatch(/→ at pagination$/m);
  });

  it('files.get drift (URL renamed) -> ResponseValidationError without the URL', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    const stack = sb.createStack({ name: 'drift-files', dbTypes: ['mysql'], backups: 1 });
    const [backup] = await client.backups.list(stack.uid).toArray();
    if (!backup) throw new Error('no backup');
    sb.faults.inject({ route: 'files.get', kind: 'drift' });
    const e = await caught(client.files.get(stack.uid, backup.id, 'tar'));
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect(e.message).toContain('public_url');
    expect(surfaces(e)).not.toMatch(/Signature|Expires=/);
  });

  it('malformed JSON -> ResponseValidationError', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    sb.faults.inject({ route: 'stacks.list', kind: 'malformed-json' });
    const e = await caught(client.stacks.list().page(1));
    expect(e).toBeInstanceOf(ResponseValidationError);
    expect(e.message).toBe('GET /stacks answered with a body that is not JSON');
  });
});

describe('redaction', () => {
  it('keeps the token and a presigned URL signature out of every error surface', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    const stack = sb.createStack({ name: 'redact-me', dbTypes: ['mysql'], backups: 1 });
    const [backup] = await client.backups.list(stack.uid).toArray();
    if (!backup) throw new Error('no backup');
    const { publicUrl } = await client.files.get(stack.uid, backup.id, 'tar');
    const signature = new URL(publicUrl).searchParams.get('Signature') ?? '';
    expect(signature.length).toBeGreaterThan(8);
    // A foreign error holding the request (URL, Authorization header) becomes a cause.
    sb.faults.inject({ route: 'download', kind: 'status', status: 500 });
    const kyError = await ky(publicUrl, {
      headers: { Authorization: `Bearer ${sb.token}` },
      retry: 0,
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(String((kyError as Error).message)).toContain('Signature=');
    const wrapped = new NetworkError(`download of ${publicUrl} failed`, { cause: kyError });
    const text = surfaces(wrapped);
    for (const secret of [sb.token, signature, encodeURIComponent(signature)]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('?[redacted]');
    expect(wrapped.message).toMatch(
      /^download of http:\/\/127\.0\.0\.1:\d+\/\S+\?\[redacted\] failed$/,
    );
  });

  it('scrubs the token even when an API message echoes it', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb, { retry: { limit: 0 } });
    sb.faults.inject({
      route: 'stacks.list',
      kind: 'status',
      status: 400,
      body: {
        error: 'bad_request',
        details: `token ${sb.token} is odd; Authorization: Bearer abc123456789`,
      },
    });
    const e = await caught(client.stacks.list().page(1));
    expect(surfaces(e)).not.toContain(sb.token);
    expect(surfaces(e)).not.toContain('abc123456789');
    expect(e.message).toContain('[redacted]');
  });

  it('a client never shows its token when inspected', () => {
    const token = 'inspect-me-0123456789abcdef0123';
    const client = createClient({ token, baseUrl: 'http://127.0.0.1:9/api/3' });
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(token);
    expect(JSON.stringify(client)).not.toContain(token);
  });
});
