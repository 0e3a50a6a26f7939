/**
 * True when `url` is plain http to a host other than this machine: the token would cross
 * the network unencrypted. (The sandbox on 127.0.0.1 is fine.)
 */
export function insecureApiUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false; // not a URL at all: the request itself will fail and say so
  }
  if (parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return !(host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host));
}
