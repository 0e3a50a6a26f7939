/**
 * A body that no longer matches the documented schema, the way APIs drift: a status
 * integer turned into a string, an `id`/`uid` gone, `ok` as a string, the URL renamed,
 * the pagination object dropped.
 */
export function driftBody(body: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  if (typeof copy !== 'object' || copy === null) return { unexpected: copy };
  delete copy.pagination;
  const response = copy.response;
  const records = Array.isArray(response) ? response : [response];
  for (const record of records) {
    if (typeof record !== 'object' || record === null) continue;
    const r = record as Record<string, unknown>;
    if ('backup_status' in r) r.backup_status = r.backup_status === 1 ? 'failed' : 'ok';
    if ('id' in r) delete r.id;
    if ('uid' in r) delete r.uid;
    if ('public_url' in r) {
      r.url = r.public_url;
      delete r.public_url;
    }
    if ('ok' in r) r.ok = String(r.ok);
    if ('status' in r && typeof r.status === 'number') r.status = String(r.status);
  }
  return copy;
}
