import { describe, expect, it } from 'vitest';
import { httpError } from '../../src/errors/http-error.js';
import {
  ApiError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ThrottledError,
  TrialExpiredError,
  UnauthenticatedError,
} from '../../src/index.js';
import { undoDoubleEncoding } from '../../src/public-url.js';
import { ENDPOINT_SCHEMAS, type Endpoint, type EndpointBody } from '../../src/schemas/index.js';
import { validateResponse } from '../../src/validate-response.js';
import { DOCUMENTED_ANSWERS, DOCUMENTED_ERRORS, readFixture } from './documented.js';

const context = { requestId: 'contract', status: 200 };

describe("Cloud 66's documented examples parse with the client's schemas", () => {
  for (const { fixture, endpoint } of DOCUMENTED_ANSWERS) {
    it(`${fixture}.json (${endpoint})`, () => {
      const text = JSON.stringify(readFixture(fixture));
      expect(() =>
        validateResponse(endpoint, ENDPOINT_SCHEMAS[endpoint], text, context),
      ).not.toThrow();
    });
  }

  const parse = <E extends Endpoint>(fixture: string, endpoint: E): EndpointBody<E> =>
    ENDPOINT_SCHEMAS[endpoint].parse(readFixture(fixture)) as EndpointBody<E>;

  it('reads the backup example: dates, decoded statuses, nulls kept, extras absent', () => {
    const { response: b } = parse('backups-get', 'GET /stacks/:id/backups/:id');
    expect(b).toMatchObject({ id: 1, db_type: 'mysql', database_name: 'shab-test-db' });
    expect(b.backup_date_iso).toEqual(new Date('2014-09-01T18:16:16Z'));
    expect(b.created_at_iso).toEqual(new Date('2014-09-01T18:16:16Z'));
    expect(b.backup_status).toEqual({ code: 0, name: 'ok', label: 'ok' });
    expect(b.verify_status?.name).toBe('not_verified');
    expect(b.restore_result).toBeNull();
    expect(b.backup_size).toBe(0);
    expect(b.file_name).toBeUndefined();
    expect(b.logical_backup).toBeUndefined();
  });

  it('reads the lists: newest first, pagination ends at null', () => {
    const backups = parse('backups-list', 'GET /stacks/:id/backups');
    expect(backups.response.map((b) => b.id)).toEqual([4, 1]);
    expect(backups.pagination).toMatchObject({ next: null, previous: null, pages: 1, count: 2 });
    const files = parse('backup-files-list', 'GET /stacks/:id/backups/:id/files');
    expect(files.response).toEqual([{ id: 'tar', name: 'test_db_11.tar' }]);
    const stacks = parse('stacks-list', 'GET /stacks');
    expect(stacks.response[0]).toMatchObject({
      name: 'obfuscated-stack',
      environment: 'production',
    });
  });

  it('reads the stack example: statuses, offset dates, non-_iso dates left as sent', () => {
    const { response: s } = parse('stacks-get', 'GET /stacks/:id');
    expect(s.status?.name).toBe('deployed');
    expect(s.health?.name).toBe('healthy');
    expect(s.last_activity_iso).toEqual(new Date('2014-08-14T01:46:53Z'));
    expect(s.updated_at_iso).toEqual(new Date('2014-08-14T01:46:52Z'));
    expect(s.updated_at).toBe('2014-08-14 01:46:52 UTC');
    expect(s.cloud_status).toBe('partial');
    expect(s.is_busy).toBeUndefined();
    expect(s.cluster_name).toBeUndefined();
  });

  it('reads the file URL (double-encoded signature) and the two queued answers', () => {
    const url = parse('backup-files-get', 'GET /stacks/:id/backups/:id/files/:id').response;
    expect(url.ok).toBe(true);
    expect(undoDoubleEncoding(url.public_url)).toContain(
      'Signature=C2au7Jq%2F1m6uHGHRfGJPn%2F2GSS8%3D',
    );
    const created = parse('backups-create', 'POST /stacks/:id/backups').response;
    expect(created).toEqual({ ok: true, message: 'queued for creation' });
    const imported = parse('backups-import', 'POST /stacks/:id/backups').response;
    expect(imported.message).toBe('Your external backup queued for upload');
  });
});

describe('the documented error bodies', () => {
  const classes: Record<string, unknown> = {
    bad_request: ApiError,
    unauthenticated: UnauthenticatedError,
    trial_expired: TrialExpiredError,
    forbidden: ForbiddenError,
    not_found: NotFoundError,
    time_out: ApiError,
    conflict: ConflictError,
    throttled: ThrottledError,
    not_implemented: ApiError,
  };
  for (const { status, body } of DOCUMENTED_ERRORS) {
    it(`${status} ${body.error}: its class, Cloud 66's code, details else the description`, () => {
      const error = httpError(status, JSON.stringify(body), { endpoint: 'GET /stacks' });
      expect(error).toBeInstanceOf(classes[body.error] as typeof ApiError);
      expect(error.apiError).toBe(body.error);
      expect(error.status).toBe(status);
      expect(error.message).toBe(body.details ?? body.error_description);
    });
  }
});
