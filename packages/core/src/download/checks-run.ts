import type { DownloadedPart, VerifiedCheck } from './options.js';

/** What the whole file was checked for: a check counts only if every part passed it. */
export function checksRun(
  plan: { expectedTotal: number | undefined },
  parts: readonly DownloadedPart[],
): VerifiedCheck[] {
  const checks: VerifiedCheck[] = ['size'];
  if (parts.length > 0 && parts.every((p) => p.verified.includes('md5'))) checks.push('md5');
  if (plan.expectedTotal !== undefined) checks.push('backup_size');
  return checks;
}
