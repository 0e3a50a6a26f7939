import { createHmac, timingSafeEqual } from 'node:crypto';

export const BUCKET = 'c66-managed-backup-sandbox';
export const ACCESS_KEY_ID = 'AKIASANDBOX0C66BKUP0';

export type PresignCheck =
  | { ok: true }
  | {
      ok: false;
      code: 'AccessDenied' | 'SignatureDoesNotMatch' | 'InvalidAccessKeyId';
      message: string;
    };

/** Presigned-style URLs for the file host: an HMAC over the path and expiry, like S3's v2 query auth. */
export class Presigner {
  constructor(private readonly secret: string) {}

  signature(path: string, expires: number): string {
    return createHmac('sha1', this.secret).update(`GET\n\n\n${expires}\n${path}`).digest('base64');
  }

  /** The URL as S3 would accept it (signature encoded once). */
  url(origin: string, path: string, expires: number): string {
    const sig = encodeURIComponent(this.signature(path, expires));
    return `${origin}${path}?AWSAccessKeyId=${ACCESS_KEY_ID}&Expires=${expires}&Signature=${sig}`;
  }

  /** The URL as Cloud 66 hands it out: the signature percent-encoded a second time. */
  publicUrl(origin: string, path: string, expires: number): string {
    const url = this.url(origin, path, expires);
    const at = url.indexOf('Signature=') + 'Signature='.length;
    return url.slice(0, at) + url.slice(at).replaceAll('%', '%25');
  }

  /** Checks a request's (once-decoded) query at `nowMs`. */
  check(path: string, query: URLSearchParams, nowMs: number): PresignCheck {
    const key = query.get('AWSAccessKeyId');
    const expires = query.get('Expires');
    const signature = query.get('Signature');
    if (!key || !expires || !signature) {
      return {
        ok: false,
        code: 'AccessDenied',
        message:
          'Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters',
      };
    }
    if (key !== ACCESS_KEY_ID) {
      return {
        ok: false,
        code: 'InvalidAccessKeyId',
        message: 'The AWS Access Key Id you provided does not exist in our records.',
      };
    }
    const expected = Buffer.from(this.signature(path, Number(expires)));
    const given = Buffer.from(signature);
    if (
      !/^\d+$/.test(expires) ||
      given.length !== expected.length ||
      !timingSafeEqual(given, expected)
    ) {
      return {
        ok: false,
        code: 'SignatureDoesNotMatch',
        message:
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      };
    }
    if (Number(expires) * 1000 < nowMs) {
      return { ok: false, code: 'AccessDenied', message: 'Request has expired' };
    }
    return { ok: true };
  }
}
