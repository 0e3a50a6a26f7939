import { UsageError } from './usage-error.js';

const units: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses `90`, `90s`, `30m`, `1.5h` into milliseconds (a plain number means seconds).
 * `flag` names the option in the error message.
 */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([smh]?)$/i.exec(text.trim());
  const value = match ? Number(match[1]) : Number.NaN;
  const unit = match?.[2]?.toLowerCase() ?? '';
  const ms = Math.round(value * (units[unit] ?? Number.NaN));
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new UsageError(
      `${flag} must be a positive duration such as 90s, 30m or 1h (a plain number means seconds), got '${text}'`,
    );
  }
  return ms;
}

/** Formats milliseconds for humans: `45s`, `3m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}
