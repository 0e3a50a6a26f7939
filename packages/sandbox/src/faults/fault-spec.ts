import { FaultSpecError } from './fault-spec-error.js';
import {
  FAULT_KINDS,
  FAULT_ROUTES,
  type Fault,
  type FaultKind,
  type FaultMatch,
  type FaultRoute,
  REDIRECT_STATUSES,
} from './fault-types.js';

const MATCH_KEYS = ['stackUid', 'backupId', 'fileId', 'dbType', 'page'] as const;
const NUMERIC = new Set([
  'ms',
  'status',
  'afterBytes',
  'atByte',
  'times',
  'backupId',
  'page',
  'insert',
  'prune',
]);

function nonNegative(fault: Fault, key: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new FaultSpecError(`fault ${fault.route}:${fault.kind}: ${key} must be a number >= 0`);
  }
}

/** Throws a FaultSpecError naming what is wrong with a fault. */
export function validateFault(fault: Fault): void {
  if (!(FAULT_ROUTES as readonly string[]).includes(fault.route)) {
    throw new FaultSpecError(
      `unknown fault route "${fault.route}" (routes: ${FAULT_ROUTES.join(', ')})`,
    );
  }
  if (!(FAULT_KINDS as readonly string[]).includes(fault.kind)) {
    throw new FaultSpecError(
      `unknown fault kind "${fault.kind}" (kinds: ${FAULT_KINDS.join(', ')})`,
    );
  }
  nonNegative(fault, 'times', fault.times);
  const f = fault as unknown as Record<string, unknown>;
  for (const key of ['ms', 'afterBytes', 'atByte', 'insert', 'prune'])
    nonNegative(fault, key, f[key]);
  if (fault.kind === 'latency' && typeof fault.ms !== 'number') {
    throw new FaultSpecError(`fault ${fault.route}:latency needs ms`);
  }
  if (fault.kind === 'status') {
    if (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599) {
      throw new FaultSpecError(`fault ${fault.route}:status needs an HTTP status (100-599)`);
    }
  }
  if (fault.route === 'download' && (fault.kind === 'malformed-json' || fault.kind === 'drift')) {
    throw new FaultSpecError(`fault ${fault.kind} applies to API routes, not download`);
  }
  if (fault.kind === 'redirect') {
    if (fault.route !== 'download') {
      throw new FaultSpecError('fault redirect applies to the file host (route download) only');
    }
    if (fault.status !== undefined && !REDIRECT_STATUSES.includes(fault.status)) {
      throw new FaultSpecError(
        `fault download:redirect: status must be one of ${REDIRECT_STATUSES.join(', ')}`,
      );
    }
  }
  if (fault.kind === 'shift' && fault.route !== 'backups.list') {
    throw new FaultSpecError('fault shift applies to backups.list only');
  }
}

function parseValue(key: string, raw: string): string | number | boolean {
  if (key === 'loop' || key === 'chain') return raw === 'true';
  if (!NUMERIC.has(key)) return raw;
  if (/^(inf|infinity)$/i.test(raw)) return Number.POSITIVE_INFINITY;
  const value = Number(raw);
  if (raw === '' || Number.isNaN(value)) {
    throw new FaultSpecError(`fault option ${key}=${raw}: not a number`);
  }
  return value;
}

/**
 * Parses a flag like `download:reset:afterBytes=1048576:times=1` or
 * `files.get:status:status=503:error=throttled:fileId=tar-ab` (match keys go to `match`).
 */
export function parseFaultFlag(text: string): Fault {
  const [route, kind, ...options] = text.split(':');
  if (!route || !kind) {
    throw new FaultSpecError(`fault "${text}": expected route:kind[:key=value...]`);
  }
  const fault: Record<string, unknown> = { route: route as FaultRoute, kind: kind as FaultKind };
  const match: FaultMatch = {};
  for (const option of options) {
    const eq = option.indexOf('=');
    if (eq <= 0) throw new FaultSpecError(`fault "${text}": "${option}" is not key=value`);
    const key = option.slice(0, eq).replace(/^match\./, '');
    const value = parseValue(key, option.slice(eq + 1));
    if ((MATCH_KEYS as readonly string[]).includes(key)) {
      (match as Record<string, unknown>)[key] = value;
    } else {
      fault[key] = value;
    }
  }
  if (Object.keys(match).length > 0) fault.match = match;
  const parsed = fault as unknown as Fault;
  validateFault(parsed);
  return parsed;
}

/** Parses `C66_SANDBOX_FAULTS`: a JSON array of faults (`"Infinity"` allowed for times). */
export function parseFaultsJson(text: string): Fault[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new FaultSpecError('C66_SANDBOX_FAULTS is not valid JSON', { cause });
  }
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (typeof item !== 'object' || item === null) {
      throw new FaultSpecError('C66_SANDBOX_FAULTS: every fault must be an object');
    }
    const fault = { ...item } as Record<string, unknown>;
    if (typeof fault.times === 'string') fault.times = parseValue('times', fault.times);
    validateFault(fault as unknown as Fault);
    return fault as unknown as Fault;
  });
}
