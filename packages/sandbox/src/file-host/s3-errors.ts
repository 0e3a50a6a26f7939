import type { ServerResponse } from 'node:http';

/** S3's XML error codes for the statuses the file host can answer. */
export const S3_CODES: Record<number, [string, string]> = {
  400: ['InvalidRequest', 'Invalid Request'],
  403: ['AccessDenied', 'Access Denied'],
  404: ['NoSuchKey', 'The specified key does not exist.'],
  405: ['MethodNotAllowed', 'The specified method is not allowed against this resource.'],
  416: ['InvalidRange', 'The requested range is not satisfiable'],
  500: ['InternalError', 'We encountered an internal error. Please try again.'],
  503: ['SlowDown', 'Please reduce your request rate.'],
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Sends an S3-style XML error: `<Error><Code>...</Code><Message>...</Message>...</Error>`. */
export function sendS3Error(
  res: ServerResponse,
  status: number,
  requestId: string,
  code?: string,
  message?: string,
  extra: Record<string, string> = {},
  headers: Record<string, string> = {},
): void {
  const [defaultCode, defaultMessage] = S3_CODES[status] ?? ['InternalError', 'Error'];
  const fields = {
    Code: code ?? defaultCode,
    Message: message ?? defaultMessage,
    ...extra,
    RequestId: requestId,
    HostId: Buffer.from(requestId).toString('base64'),
  };
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${Object.entries(fields)
    .map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`)
    .join('')}</Error>`;
  const body = Buffer.from(xml);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/xml',
    'Content-Length': String(body.length),
    'x-amz-request-id': requestId,
  });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}
