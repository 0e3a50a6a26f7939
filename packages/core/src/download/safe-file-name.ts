import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UnsafeFileNameError } from '../errors/index.js';

// Device names Windows resolves anywhere, with or without an extension (`nul.tar`).
const RESERVED_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
// Characters that Windows forbids in names (`:` would even open an alternate data stream).
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we reject
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const MAX_NAME_BYTES = 255;

/**
 * Checks that a file name from the API is safe to create inside a folder on any
 * platform and returns it unchanged; throws `UnsafeFileNameError` otherwise.
 * Names are rejected, never rewritten: a silently renamed backup is a surprise.
 */
export function safeFileName(name: string): string {
  const reason = unsafeReason(name);
  if (reason) throw new UnsafeFileNameError(name, reason);
  return name;
}

function unsafeReason(name: string): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'it is empty';
  if (CONTROL.test(name)) return 'it contains control characters';
  if (name.includes('/') || name.includes('\\')) return 'it contains a path separator';
  if (name === '.' || name === '..') return `it is "${name}"`;
  if (isAbsolute(name)) return 'it is an absolute path';
  if (WINDOWS_FORBIDDEN.test(name)) return 'it contains a character Windows forbids (<>:"|?*)';
  if (RESERVED_DEVICE.test(name)) return 'it is a reserved device name';
  if (/[. ]$/.test(name)) return 'it ends with a dot or a space';
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) return `it is longer than ${MAX_NAME_BYTES} bytes`;
  return undefined;
}

/**
 * Joins a safe name to `dir` and proves the result is a direct child of `dir`
 * (defence in depth: the name check should already guarantee it).
 */
export function pathInside(dir: string, name: string): string {
  const root = resolve(dir);
  const target = resolve(join(root, safeFileName(name)));
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep)) {
    throw new UnsafeFileNameError(name, 'it resolves outside the chosen folder');
  }
  return target;
}
