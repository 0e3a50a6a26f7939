import { describe, expect, it } from 'vitest';
import { sandboxClient, useSandbox } from '../test/sandbox.js';
import { formatRequestEvent } from './format-request-event.js';
import type { RequestEvent } from './http.js';

const sandbox = useSandbox();

const event = (extra: Partial<RequestEvent> = {}): RequestEvent => ({
  method: 'GET',
  path: '/stacks?page=1',
  status: 200,
  durationMs: 12.4,
  requestId: 'req-1',
  attempt: 1,
  ...extra,
});

describe('formatRequestEvent', () => {
  it('names method, API path, status, time, request id, and the attempt when retried', () => {
    expect(formatRequestEvent(event())).toBe(
      'GET /stacks?page=1 -> 200 in 12 ms, request id req-1',
    );
    expect(formatRequestEvent(event({ status: undefined, attempt: 2, durationMs: 30_000 }))).toBe(
      'GET /stacks?page=1 -> no answer in 30000 ms, request id req-1 (attempt 2)',
    );
  });

  it("the lines of a real client's requests hold no token and no presigned URL", async () => {
    const sb = sandbox();
    const lines: string[] = [];
    const { client } = sandboxClient(sb, {
      onRequest: (e) => lines.push(formatRequestEvent(e)),
      retry: { baseDelayMs: 1 },
    });
    sb.faults.inject({ route: 'stacks.list', kind: 'status', status: 500, times: 1 });
    const [stack] = await client.stacks.list().toArray({ limit: 1 });
    if (!stack) throw new Error('no stack');
    const [backup] = await client.backups.list(stack.uid).toArray({ limit: 1 });
    if (!backup) throw new Error('no backup');
    const [file] = await client.files.list(stack.uid, backup.id).toArray();
    if (!file) throw new Error('no file');
    const { publicUrl } = await client.files.get(stack.uid, backup.id, file.id);
    sb.faults.clear();
    expect(lines[0]).toMatch(/^GET \/stacks\?page=1 -> 500 in \d+ ms, request id [0-9a-f-]{36}$/);
    expect(lines[1]).toMatch(/^GET \/stacks\?page=1 -> 200 in \d+ ms, .* \(attempt 2\)$/);
    const text = lines.join('\n');
    expect(text).toContain(`/files/${file.id}`);
    expect(text).not.toContain(sb.token);
    expect(text).not.toContain(new URL(publicUrl).searchParams.get('Signature') ?? publicUrl);
    expect(text).not.toMatch(/Signature|AWSAccessKeyId|Bearer/i);
  });
});
