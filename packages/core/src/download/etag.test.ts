import { describe, expect, it } from 'vitest';
import { md5FromEtag, objectMd5 } from './etag.js';

describe('md5FromEtag', () => {
  it('reads a quoted plain MD5', () => {
    expect(md5FromEtag('"9E107D9D372BB6826BD81D3542A419D6"')).toBe(
      '9e107d9d372bb6826bd81d3542a419d6',
    );
  });

  it.each([null, undefined, '', '"9e107d9d372bb6826bd81d3542a419d6-12"', 'W/"abc"', '"xyz"'])(
    'ignores %j (multipart, weak or absent)',
    (etag) => {
      expect(md5FromEtag(etag)).toBeUndefined();
    },
  );
});

describe('objectMd5 (S3: when is an ETag an MD5?)', () => {
  const headers = (h: Record<string, string>) => ({
    get: (name: string) => h[name.toLowerCase()] ?? null,
  });
  const md5 = '9e107d9d372bb6826bd81d3542a419d6';

  it('a single-part object, plain or SSE-S3: the ETag is the MD5', () => {
    expect(objectMd5(headers({ etag: `"${md5}"` }))).toEqual({ md5 });
    expect(
      objectMd5(headers({ etag: `"${md5}"`, 'x-amz-server-side-encryption': 'AES256' })),
    ).toEqual({ md5 });
  });

  it.each([
    [{ etag: `"${md5}"`, 'x-amz-server-side-encryption': 'aws:kms' }, 'sse-kms'],
    [{ etag: `"${md5}"`, 'x-amz-server-side-encryption': 'aws:kms:dsse' }, 'sse-kms'],
    [{ etag: `"${md5}"`, 'x-amz-server-side-encryption-customer-algorithm': 'AES256' }, 'sse-c'],
    [{ etag: `"${md5}-12"` }, 'multipart'],
    [{ etag: 'W/"abc"' }, 'not-md5'],
    [{}, 'no-etag'],
  ])('%j: no MD5 (%s)', (h, why) => {
    expect(objectMd5(headers(h))).toEqual({ unavailable: why });
  });
});
