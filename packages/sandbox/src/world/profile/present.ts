import type { Backup, Stack, StackRecord, StoredBackup } from '../model.js';
import type { StoredStack } from '../world.js';
import {
  DOCUMENTED_BACKUP_FIELDS,
  DOCUMENTED_STACK_FIELDS,
  EXTRA_BACKUP_FIELDS,
  EXTRA_STACK_FIELDS,
  REQUIRED_BACKUP_FIELDS,
  REQUIRED_STACK_FIELDS,
  type SandboxProfile,
} from './fields.js';

const STACK_KEYS: Record<SandboxProfile, readonly (keyof StackRecord)[]> = {
  documented: DOCUMENTED_STACK_FIELDS,
  full: [...DOCUMENTED_STACK_FIELDS, ...EXTRA_STACK_FIELDS],
};
const BACKUP_KEYS: Record<SandboxProfile, readonly (keyof StoredBackup['api'])[]> = {
  documented: DOCUMENTED_BACKUP_FIELDS,
  full: [...DOCUMENTED_BACKUP_FIELDS, ...EXTRA_BACKUP_FIELDS],
};

/** A stack as the API serves it under a profile (a bare stack: its required fields only). */
export function presentStack(
  stack: Pick<StoredStack, 'api' | 'fields'>,
  profile: SandboxProfile,
): Stack {
  const keys = stack.fields === 'required' ? REQUIRED_STACK_FIELDS : STACK_KEYS[profile];
  return pick(stack.api, keys) as Stack;
}

/** A backup as the API serves it under a profile (a bare stack's: required fields only). */
export function presentBackup(backup: StoredBackup, profile: SandboxProfile): Backup {
  const keys = backup.fields === 'required' ? REQUIRED_BACKUP_FIELDS : BACKUP_KEYS[profile];
  return pick(backup.api, keys) as Backup;
}

function pick<T extends object>(record: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) out[key] = record[key];
  return out;
}
