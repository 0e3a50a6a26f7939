import { VERSION } from './version.js';

/**
 * `name/version (os; arch)`, the form Cloud 66's own client sends, e.g.
 * `c66-backup-action/0.1.0 (linux; x64)`. `product` is the consumer's `name/version`.
 */
export function buildUserAgent(product: string = `c66-backup-core/${VERSION}`): string {
  const proc = (globalThis as { process?: { platform?: string; arch?: string } }).process;
  const platform = proc?.platform ?? 'unknown';
  const arch = proc?.arch ?? 'unknown';
  return `${product.trim()} (${platform}; ${arch})`;
}
