import type { FaultRoute } from '../faults/fault-types.js';
import { safeDecode } from '../shared/safe-decode.js';

export const API_PREFIX = '/api/3';

export interface ApiRoute {
  route: FaultRoute;
  params: { stackUid?: string; backupId?: string; fileId?: string };
}

/** Maps method + path (relative to `/api/3`, `.json` suffix allowed) to a route. */
export function matchApiRoute(method: string, path: string): ApiRoute | undefined {
  const trimmed = path.replace(/\/+$/, '').replace(/\.json$/, '');
  const parts = trimmed.split('/').filter(Boolean).map(safeDecode);
  if (parts[0] !== 'stacks') return undefined;
  const [, stackUid, backups, backupId, files, fileId] = parts as Array<string | undefined>;
  const get = method === 'GET' || method === 'HEAD';
  if (parts.length === 1 && get) return { route: 'stacks.list', params: {} };
  if (parts.length === 2 && get) return { route: 'stacks.get', params: { stackUid } };
  if (backups !== 'backups') return undefined;
  if (parts.length === 3 && get) return { route: 'backups.list', params: { stackUid } };
  if (parts.length === 3 && method === 'POST')
    return { route: 'backups.create', params: { stackUid } };
  if (parts.length === 4 && get) return { route: 'backups.get', params: { stackUid, backupId } };
  if (files !== 'files') return undefined;
  if (parts.length === 5 && get) return { route: 'files.list', params: { stackUid, backupId } };
  if (parts.length === 6 && get)
    return { route: 'files.get', params: { stackUid, backupId, fileId } };
  return undefined;
}
