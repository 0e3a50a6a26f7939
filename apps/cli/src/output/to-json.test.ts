import { describe, expect, it } from 'vitest';
import { toJson } from './to-json.js';

describe('toJson', () => {
  it('turns dates into ISO strings and decoded statuses into their names', () => {
    const record = {
      id: 7,
      backup_date_iso: new Date('2026-01-02T03:04:05Z'),
      backup_status: { code: 1, name: 'failed', label: 'failed' },
      verify_status: { code: 9, name: 'unknown', label: 'unknown (9)' },
      nested: [{ at: new Date(0) }],
    };
    expect(toJson(record)).toEqual({
      id: 7,
      backup_date_iso: '2026-01-02T03:04:05.000Z',
      backup_status: 'failed',
      verify_status: 'unknown',
      nested: [{ at: '1970-01-01T00:00:00.000Z' }],
    });
  });

  it('leaves out fields that are missing or null, at every depth', () => {
    const record = { id: 1, restore_result: null, file_name: undefined, nested: { a: null, b: 0 } };
    const json = toJson(record);
    expect(json).toEqual({ id: 1, nested: { b: 0 } });
    expect(JSON.stringify(json)).not.toMatch(/null|undefined/);
  });

  it('keeps objects that only look partly like a status', () => {
    const value = { code: 1, name: 'x', label: 'y', extra: true };
    expect(toJson(value)).toEqual(value);
  });
});
