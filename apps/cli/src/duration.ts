import { parseDuration as parseCoreDuration } from '@c66-backup/core';
import { UsageError } from './usage-error.js';

/**
 * Parses `90`, `90s`, `30m`, `1.5h`, `2d` into milliseconds (a plain number means seconds),
 * through the core's parser; `flag` names the option in the error message.
 */
export function parseDuration(text: string, flag: string): number {
  try {
    return parseCoreDuration(text);
  } catch (error) {
    throw new UsageError(`${flag}: ${(error as Error).message}`, { cause: error });
  }
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
