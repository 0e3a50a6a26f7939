import { SandboxOptionError } from '../server/options.js';
import { DB_TYPES, type DbType, isDbType } from '../world/model.js';
import {
  isSandboxProfile,
  SANDBOX_PROFILES,
  type SandboxProfile,
} from '../world/profile/fields.js';

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
};

/** `100MB`, `1.5g`, `250MiB`, `1048576`: sizes in binary units (like `split -b`). */
export function parseSize(text: string, name = 'size'): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  if (!m) throw new SandboxOptionError(`${name}: "${text}" is not a size like 100MB or 1048576`);
  return Math.round(Number(m[1]) * (UNITS[(m[2] ?? '').toLowerCase()] ?? 1));
}

/** `32MB/s`, `32MB`, `400m`: a size per second (the `/s` is optional). */
export function parseSpeed(text: string, name: string): number {
  return parseSize(text.trim().replace(/\/s$/i, ''), name);
}

/** `1500`, `1500ms`, `1.5s`, `2m`, `1h` in milliseconds (a bare number is `unit`). */
export function parseDuration(text: string, name: string, unitMs = 1): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(text.trim());
  if (!m)
    throw new SandboxOptionError(`${name}: "${text}" is not a duration like 1500ms, 2s or 1h`);
  const scale = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? '').toLowerCase()] ?? unitMs;
  return Number(m[1]) * scale;
}

export function parseInteger(text: string, name: string): number {
  if (!/^\d+$/.test(text.trim()))
    throw new SandboxOptionError(`${name}: "${text}" is not a whole number`);
  return Number(text);
}

export function parseDbTypes(text: string): DbType[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!isDbType(name)) {
      throw new SandboxOptionError(`fail-db-types: "${name}" is not one of ${DB_TYPES.join(', ')}`);
    }
  }
  return names as DbType[];
}

export function parseProfile(text: string): SandboxProfile {
  const value = text.trim();
  if (!isSandboxProfile(value)) {
    throw new SandboxOptionError(`profile: "${text}" is not one of ${SANDBOX_PROFILES.join(', ')}`);
  }
  return value;
}

/** `1`/`true`/`yes` or `0`/`false`/`no` (an env switch; the flag form takes no value). */
export function parseSwitch(text: string, name: string): boolean {
  const value = text.trim().toLowerCase();
  if (['1', 'true', 'yes'].includes(value)) return true;
  if (['0', 'false', 'no'].includes(value)) return false;
  throw new SandboxOptionError(`${name}: "${text}" is not one of 1, true, yes, 0, false, no`);
}

/**
 * `C66_SANDBOX_PROFILE` as the bin reads it, for test suites run once per profile
 * (`startSandbox({ profile: profileFromEnv() })`); undefined when unset.
 */
export function profileFromEnv(env: NodeJS.ProcessEnv = process.env): SandboxProfile | undefined {
  const text = env.C66_SANDBOX_PROFILE;
  return text ? parseProfile(text) : undefined;
}
