import * as z from './zod.js';

/** A decoded status integer: `{ code: 1, name: 'failed', label: 'failed' }`. */
export interface Status<Name extends string> {
  code: number;
  name: Name | 'unknown';
  label: string;
}

/**
 * A zod schema decoding an API status integer to `{ code, name, label }`. Integers we do
 * not know are kept: `{ code: 9, name: 'unknown', label: 'unknown (9)' }`.
 */
export function statusSchema<const Names extends readonly string[]>(names: Names) {
  return z.pipe(
    z.int(),
    z.transform((code: number): Status<Names[number]> => {
      const name = names[code];
      if (name === undefined) return { code, name: 'unknown', label: `unknown (${code})` };
      return { code, name, label: name.replaceAll('_', ' ') };
    }),
  );
}

export const BACKUP_STATUS_NAMES = ['ok', 'failed'] as const;
export const RESTORE_STATUS_NAMES = [
  'not_restored',
  'restoring',
  'restored',
  'restore_failed',
] as const;
export const VERIFY_STATUS_NAMES = [
  'not_verified',
  'verifying',
  'verified',
  'verification_failed',
  'unable_to_verify',
] as const;
export const STACK_STATUS_NAMES = [
  'pending_analysis',
  'deployed',
  'deployment_failed',
  'analyzing',
  'analyzed',
  'queued_for_deployment',
  'deploying',
  'unable_to_analyze',
] as const;
export const STACK_HEALTH_NAMES = ['unknown', 'building', 'impaired', 'healthy', 'failed'] as const;

export type BackupStatus = Status<(typeof BACKUP_STATUS_NAMES)[number]>;
export type RestoreStatus = Status<(typeof RESTORE_STATUS_NAMES)[number]>;
export type VerifyStatus = Status<(typeof VERIFY_STATUS_NAMES)[number]>;
export type StackStatus = Status<(typeof STACK_STATUS_NAMES)[number]>;
export type StackHealth = Status<(typeof STACK_HEALTH_NAMES)[number]>;
