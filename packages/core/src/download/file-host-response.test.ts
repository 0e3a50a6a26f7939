import { describe, expect, it } from 'vitest';
import { FileHostError } from '../errors/index.js';
import {
  parseContentLength,
  parseContentRange,
  refuseErrorPage,
  s3ErrorCode,
} from './file-host-response.js';

describe('file host response parsing', () => {
  it('parses Content-Range and rejects nonsense', () => {
    expect(parseContentRange('bytes 100-199/200')).toEqual({ start: 100, end: 199, total: 200 });
    expect(parseContentRange('bytes 100-199/*')).toBeUndefined();
    expect(parseContentRange('bytes 200-100/300')).toBeUndefined();
    expect(parseContentRange('bytes 0-200/200')).toBeUndefined();
    expect(parseContentRange(null)).toBeUndefined();
  });

  it('parses Content-Length', () => {
    expect(parseContentLength('1024')).toBe(1024);
    expect(parseContentLength('-1')).toBeUndefined();
    expect(parseContentLength(null)).toBeUndefined();
  });

  it("extracts only S3's <Code>", () => {
    const page =
      '<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code><StringToSign>secret</StringToSign></Error>';
    expect(s3ErrorCode(page)).toBe('SignatureDoesNotMatch');
    expect(s3ErrorCode('<data>not an error</data>')).toBeUndefined();
  });

  it('refuses an XML error page served with a 2xx, lets other XML through', () => {
    const check = refuseErrorPage('application/xml', 'db.tar');
    expect(() => check?.(Buffer.from('<Error><Code>AccessDenied</Code></Error>'))).toThrow(
      FileHostError,
    );
    expect(() => check?.(Buffer.from('<backup/>'))).not.toThrow();
    expect(refuseErrorPage('application/x-tar', 'db.tar')).toBeUndefined();
  });
});
