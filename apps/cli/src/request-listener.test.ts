import type { RequestEvent } from '@c66-backup/core';
import { describe, expect, it } from 'vitest';
import { captureStream } from '../test/capture-stream.js';
import { requestListener } from './request-listener.js';

const capture = () => captureStream();

const event = (extra: Partial<RequestEvent> = {}): RequestEvent => ({
  method: 'GET',
  path: '/stacks?page=1',
  status: 200,
  durationMs: 12,
  requestId: 'req-1',
  attempt: 1,
  ...extra,
});

describe('requestListener', () => {
  it('without --debug prints only API warnings, each once', () => {
    const out = capture();
    const listen = requestListener(out.stream, { debug: false });
    listen(event());
    listen(event({ warning: 'API v3 is deprecated' }));
    listen(event({ warning: 'API v3 is deprecated' }));
    expect(out.text()).toBe('warning: API v3 is deprecated\n');
  });

  it('with --debug logs every attempt: method, path, status, time, request id, retries', () => {
    const out = capture();
    const listen = requestListener(out.stream, { debug: true });
    listen(event());
    listen(event({ status: undefined, attempt: 2, requestId: 'req-2', durationMs: 30_000 }));
    expect(out.text()).toBe(
      'debug: GET /stacks?page=1 -> 200 in 12 ms, request id req-1\n' +
        'debug: GET /stacks?page=1 -> no answer in 30000 ms, request id req-2 (attempt 2)\n',
    );
  });
});
