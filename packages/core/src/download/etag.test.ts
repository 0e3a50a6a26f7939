import { describe, expect, it } from 'vitest';
import { md5FromEtag } from './etag.js';

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
