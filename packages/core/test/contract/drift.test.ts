import { describe, expect, it } from 'vitest';
import { httpError } from '../../src/errors/http-error.js';
import { ResponseValidationError } from '../../src/index.js';
import { ENDPOINT_SCHEMAS, errorBodySchema } from '../../src/schemas/index.js';
import { validateResponse } from '../../src/validate-response.js';
import { DOCUMENTED_ANSWERS, DOCUMENTED_ERRORS, KEPT_AS_SENT, readFixture } from './documented.js';
import { drifted, fieldPaths, getAt, printedPath, unexpectedValue } from './paths.js';

// Generated from the fixtures: every documented field is removed, set to null and given a
// value of another type. The policy (docs/field-policy.md) says which of these may fail.
const context = { requestId: 'drift', status: 200 };

for (const answer of DOCUMENTED_ANSWERS) {
  const documented = readFixture(answer.fixture);
  const schema = ENDPOINT_SCHEMAS[answer.endpoint];
  const parse = (body: unknown) =>
    validateResponse(answer.endpoint, schema, JSON.stringify(body), context);
  const failure = (body: unknown): ResponseValidationError => {
    try {
      parse(body);
    } catch (error) {
      if (error instanceof ResponseValidationError) return error;
      throw error;
    }
    throw new Error('parsed, but should have failed');
  };

  describe(`${answer.fixture}.json drifting (${answer.endpoint})`, () => {
    for (const path of fieldPaths(documented)) {
      const value = getAt(documented, path);
      const leaf = path.split('.').pop() as string;
      if (answer.required.includes(path)) {
        it(`required ${path}: removed, the answer fails naming the endpoint and the field`, () => {
          const error = failure(drifted(documented, path, 'remove'));
          expect(error.message).toContain(`${answer.endpoint} answered with an unexpected shape`);
          expect(error.message).toContain(`→ at ${printedPath(path)}`);
          expect(error.endpoint).toBe(answer.endpoint);
        });
        it(`required ${path}: of another type, the answer fails naming it`, () => {
          const error = failure(drifted(documented, path, { to: unexpectedValue(value) }));
          expect(error.message).toContain(`→ at ${printedPath(path)}`);
        });
        if (!answer.nullable?.includes(path)) {
          it(`required ${path}: null, the answer fails naming it`, () => {
            expect(failure(drifted(documented, path, { to: null })).message).toContain(
              `→ at ${printedPath(path)}`,
            );
          });
        }
        continue;
      }
      it(`optional ${path}: removed, the answer still parses without it`, () => {
        expect(getAt(parse(drifted(documented, path, 'remove')), path)).toBeUndefined();
      });
      it(`optional ${path}: null, the answer still parses with null`, () => {
        expect(getAt(parse(drifted(documented, path, { to: null })), path)).toBeNull();
      });
      it(`optional ${path}: of another type, the answer still parses, the field unread`, () => {
        const wrong = unexpectedValue(value);
        const read = getAt(parse(drifted(documented, path, { to: wrong })), path);
        if (KEPT_AS_SENT.includes(leaf)) expect(read).toEqual(wrong);
        else expect(read).toBeUndefined();
      });
      if (leaf.endsWith('_iso')) {
        it(`optional ${path}: not a date, the answer still parses, the date unread`, () => {
          expect(
            getAt(parse(drifted(documented, path, { to: 'yesterday' })), path),
          ).toBeUndefined();
        });
      }
    }
    for (const path of answer.required.filter((p) => p.endsWith('_iso'))) {
      it(`required ${path}: not a date, the answer fails naming it`, () => {
        const error = failure(drifted(documented, path, { to: 'yesterday' }));
        expect(error.message).toContain(`→ at ${printedPath(path)}`);
      });
    }
    it('keeps a field nobody documented', () => {
      const body = drifted(documented, 'response.brand_new', { to: { nested: [1] } });
      const target = Array.isArray(documented.response) ? 'response.0' : 'response';
      const withNew = Array.isArray(documented.response)
        ? drifted(documented, 'response.0.brand_new', { to: { nested: [1] } })
        : body;
      expect(getAt(parse(withNew), `${target}.brand_new`)).toEqual({ nested: [1] });
    });
  });
}

describe('documented error bodies drifting', () => {
  for (const { status, body } of DOCUMENTED_ERRORS.slice(0, 1)) {
    for (const field of Object.keys(body)) {
      for (const change of ['remove', { to: null }, { to: 42 }] as const) {
        const how = change === 'remove' ? 'removed' : change.to === null ? 'null' : 'a number';
        it(`${field} ${how}: still a ${status} error with the best message left`, () => {
          const text = JSON.stringify(drifted(body, field, change));
          expect(errorBodySchema.safeParse(JSON.parse(text)).success).toBe(true);
          const error = httpError(status, text, { endpoint: 'GET /stacks' });
          expect(error.status).toBe(status);
          expect(error.message).not.toMatch(/undefined|null|42/);
          expect(error.message.length).toBeGreaterThan(0);
        });
      }
    }
  }
});
