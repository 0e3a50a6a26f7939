import { addFinishedBackups } from '../world/lifecycle/add-finished-backups.js';
import { isDbType } from '../world/model.js';
import type { StoredStack, World } from '../world/world.js';
import type { Fault } from './fault-types.js';

type ShiftFault = Extract<Fault, { kind: 'shift' }>;

/**
 * Changes a stack's backups the way Cloud 66 does between two page requests: a
 * scheduled run lists a new backup at the top, `keep_count` prunes the oldest.
 */
export function applyListShift(
  world: World,
  stack: StoredStack,
  fault: ShiftFault,
  now: number,
): void {
  const wanted = fault.dbType;
  const dbType =
    wanted !== undefined && isDbType(wanted) && stack.dbTypes.includes(wanted)
      ? wanted
      : stack.dbTypes[0];
  if (dbType === undefined) return;
  if (fault.insert) addFinishedBackups(world, stack, dbType, { count: fault.insert }, now);
  if (fault.prune) stack.backups.prune(fault.prune, dbType);
}
