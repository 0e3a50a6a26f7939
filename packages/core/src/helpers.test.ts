import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DB_TYPES,
  formatBytes,
  InvalidInputError,
  minPollIntervalMs,
  parseDbTypes,
  selectedDbTypes,
  validateCron,
} from './index.js';
import { RATE_LIMIT_PER_HOUR } from './poll-pacing.js';
import { undoDoubleEncoding } from './public-url.js';
import { redactUrl } from './redact.js';
import { buildUserAgent } from './user-agent.js';
import { describeIssues } from './validate-response.js';
import { VERSION } from './version.js';

describe('parseDbTypes', () => {
  it('reads a comma list, trimmed, case-insensitive, without duplicates', () => {
    expect(parseDbTypes('mysql, Redis,mysql')).toEqual(['mysql', 'redis']);
    expect(parseDbTypes(['postgresql'])).toEqual(['postgresql']);
  });

  it('keeps all as a value of its own, which selectedDbTypes expands', () => {
    expect(parseDbTypes('all')).toBe('all');
    expect(parseDbTypes(' ALL ')).toBe('all');
    expect(selectedDbTypes(parseDbTypes('all'))).toEqual([...DB_TYPES]);
    expect(selectedDbTypes(parseDbTypes('redis,mysql'))).toEqual(['redis', 'mysql']);
  });

  it('names the bad entries and the valid ones', () => {
    expect(() => parseDbTypes('mysql,oracle,sqlite')).toThrow(
      'unknown database types "oracle", "sqlite": use mysql, postgresql, redis, mongodb or all',
    );
    expect(() => parseDbTypes(' , ')).toThrow(InvalidInputError);
    expect(() => parseDbTypes('all,mysql')).toThrow(/cannot be combined/);
  });
});

describe('validateCron', () => {
  it('accepts 5-field expressions', () => {
    expect(validateCron(' 0 3 * * * ')).toBe('0 3 * * *');
    expect(validateCron('*/15 1-5 * * mon-fri')).toBe('*/15 1-5 * * mon-fri');
  });

  it('rejects other field counts and bad values with the reason', () => {
    expect(() => validateCron('0 3 * *')).toThrow(/expected 5 fields .* got 4/);
    expect(() => validateCron('0 0 3 * * *')).toThrow(/got 6/);
    expect(() => validateCron('61 3 * * *')).toThrow(/invalid cron expression "61 3 \* \* \*": /);
    expect(() => validateCron('')).toThrow(InvalidInputError);
  });
});

describe('formatBytes', () => {
  it('uses binary multiples with sensible precision', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
    expect(formatBytes(3.25 * 1024 ** 3)).toBe('3.25 GB');
  });
});

describe('minPollIntervalMs', () => {
  it('keeps a wait within its hourly budget', () => {
    expect(minPollIntervalMs(4, 30 * 60_000)).toBe(7200);
    expect(minPollIntervalMs(1, 30 * 60_000)).toBe(1800);
    expect(minPollIntervalMs(1, 10_000)).toBe(1000);
    for (const types of [1, 2, 3, 4]) {
      for (const hours of [0.5, 1, 6]) {
        const timeout = hours * 3_600_000;
        const perHour = (types * Math.min(timeout, 3_600_000)) / minPollIntervalMs(types, timeout);
        expect(perHour).toBeLessThanOrEqual(RATE_LIMIT_PER_HOUR / 3);
      }
    }
  });
});

describe('small helpers', () => {
  it('undoes the double percent-encoding', () => {
    expect(undoDoubleEncoding('https://h/x.tar?Signature=C2au%252F1m%253D&a=%2525')).toBe(
      'https://h/x.tar?Signature=C2au%2F1m%3D&a=%25',
    );
  });

  it('strips a URL query string', () => {
    expect(redactUrl('https://s3.example/b/x.tar?Signature=abc&Expires=1')).toBe(
      'https://s3.example/b/x.tar?[redacted]',
    );
    expect(redactUrl('https://s3.example/b/x.tar')).toBe('https://s3.example/b/x.tar');
  });

  it('builds name/version (os; arch)', () => {
    expect(buildUserAgent('c66-backup-action/0.1.0')).toBe(
      `c66-backup-action/0.1.0 (${process.platform}; ${process.arch})`,
    );
  });

  it('VERSION matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});

describe('describeIssues', () => {
  it('shows ten distinct issues, then counts the rest', () => {
    const shape = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, z.number()]));
    const result = z.object(shape).safeParse({});
    if (result.success) throw new Error('expected issues');
    const text = describeIssues(result.error.issues);
    expect(text.match(/✖/g)).toHaveLength(10);
    expect(text).toContain('→ at f0');
    expect(text.endsWith('(and 2 more issues)')).toBe(true);
  });
});
