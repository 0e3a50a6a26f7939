import { FileHostError } from '../errors/index.js';
import type { FileHostResponse } from './file-host-request.js';

/** `Content-Range: bytes <start>-<end>/<total>` of a 206. */
export interface ContentRange {
  start: number;
  end: number;
  total: number;
}

export function parseContentRange(header: string | null): ContentRange | undefined {
  const match = /^bytes\s+(\d+)-(\d+)\/(\d+)$/i.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return end >= start && total > end ? { start, end, total } : undefined;
}

/** A non-negative integer `Content-Length`, or undefined when absent or garbled. */
export function parseContentLength(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

/**
 * Reads at most a few KiB of an error body for S3's `<Code>` only: the rest of an S3
 * error (`<StringToSign>`, `<SignatureProvided>`...) is secret-adjacent and never kept.
 */
export async function readS3ErrorCode(response: FileHostResponse): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= 8192) break;
    }
  } catch {
    return undefined;
  } finally {
    response.body.destroy();
  }
  return s3ErrorCode(Buffer.concat(chunks).toString('utf8'));
}

export function s3ErrorCode(text: string): string | undefined {
  const code = /<Error>[\s\S]*?<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(text)?.[1];
  return code;
}

/** An error for a status that will never turn into the file's bytes. */
export function hostStatusError(
  status: number,
  part: string,
  s3Code: string | undefined,
): FileHostError {
  const detail = s3Code ? ` (${s3Code})` : '';
  return new FileHostError(
    `the file host answered ${status}${detail} for ${JSON.stringify(part)}`,
    part,
    s3Code,
    { status },
  );
}

/**
 * Refuses a 2xx body that is really an S3 XML error page: such a page must never
 * be written as if it were the backup. Only checked when the type says XML.
 */
export function refuseErrorPage(contentType: string | null, part: string) {
  if (!contentType || !/xml/i.test(contentType)) return undefined;
  return (chunk: Buffer) => {
    const code = s3ErrorCode(chunk.subarray(0, 4096).toString('utf8'));
    if (code !== undefined) {
      throw new FileHostError(
        `the file host sent an S3 error page (${code}) as the content of ${JSON.stringify(part)}`,
        part,
        code,
      );
    }
  };
}
