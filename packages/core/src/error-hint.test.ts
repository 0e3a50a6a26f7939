import { describe, expect, it } from 'vitest';
import { sandboxClient, useSandbox } from '../test/sandbox.js';
import { errorHint } from './error-hint.js';
import {
  Cloud66Error,
  ForbiddenError,
  ThrottledError,
  UnauthenticatedError,
} from './errors/index.js';

const sandbox = useSandbox();

/** The error a real request to the sandbox ends with. */
async function failureOf(call: () => Promise<unknown>): Promise<unknown> {
  return call().then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

describe('errorHint', () => {
  it('401: the token is wrong or revoked', async () => {
    const { client } = sandboxClient(sandbox(), { token: 'not-the-sandbox-token' });
    const error = await failureOf(() => client.stacks.list().toArray());
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect(errorHint(error)).toBe('the token is wrong or revoked');
  });

  it('403 on a create: the admin scope; on a read: the scope in general', async () => {
    const sb = sandbox();
    const [stack] = await sandboxClient(sb).client.stacks.list().toArray({ limit: 1 });
    if (!stack) throw new Error('no stack');
    const readOnly = sandboxClient(sb, { token: sb.readOnlyToken }).client;
    const create = await failureOf(() => readOnly.backups.create(stack.uid, { dbTypes: 'all' }));
    expect(create).toBeInstanceOf(ForbiddenError);
    expect(errorHint(create)).toBe(
      'creating or importing backups needs a token with the admin scope',
    );
    sb.faults.inject({ route: 'stacks.list', kind: 'status', status: 403, times: 1 });
    const read = await failureOf(() => readOnly.stacks.list().toArray());
    expect(read).toBeInstanceOf(ForbiddenError);
    expect(errorHint(read)).toBe("the token's scope does not allow this request");
  });

  it("503 throttled: Cloud 66's hourly limit of 3,000 requests", async () => {
    const sb = sandbox();
    sb.faults.inject({ route: 'stacks.list', kind: 'status', status: 503, error: 'throttled' });
    const error = await failureOf(() => sandboxClient(sb).client.stacks.list().toArray());
    sb.faults.clear();
    expect(error).toBeInstanceOf(ThrottledError);
    expect(errorHint(error)).toMatch(/^Cloud 66's rate limit \(3,000 requests an hour\) is spent/);
  });

  it('nothing for other errors', () => {
    expect(errorHint(new Cloud66Error('x', { status: 500 }))).toBeUndefined();
    expect(errorHint(new Error('x'))).toBeUndefined();
    expect(errorHint('x')).toBeUndefined();
  });
});
