/**
 * True when `url` is plain `http:` to a host that is not this machine: the API token would
 * cross a network unencrypted. This machine is `localhost`, 127.0.0.0/8 and `::1` (in any
 * spelling the URL parser accepts, IPv4-mapped loopback included), so a local sandbox or
 * proxy is fine. Not a URL at all: false (parsing it is {@link parseApiUrl}'s job).
 */
export function isInsecureApiUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:') return false;
  return !isLoopbackHost(parsed.hostname);
}

// The URL parser already normalises hosts: `127.1` -> `127.0.0.1`, `[0::1]` -> `[::1]`,
// `[::ffff:127.0.0.1]` -> `[::ffff:7f00:1]`, `LOCALHOST` -> `localhost`.
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host === '::1') return true;
  if (/^127(\.\d{1,3}){3}$/.test(host)) return true;
  return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
}
