// One walk over the bulk stack's backups in a fresh process (spawned by run-walk.mjs):
// `sequential` (one page after another) or the iterator at a given concurrency. Prints
// its time, item count, a digest of the ids in order, requests and peak RSS as JSON.
import { createHash } from 'node:crypto';
import { createClient } from '../../dist/index.js';

const { apiUrl, token, stackUid, mode, concurrency } = JSON.parse(
  process.env.C66_BENCH_CONFIG ?? '{}',
);
let requests = 0;
const client = createClient({
  token,
  baseUrl: apiUrl,
  userAgent: 'c66-backup-bench/0.1.0',
  onRequest: () => requests++,
});
const ids = [];
const started = performance.now();
if (mode === 'sequential') {
  for await (const page of client.backups.list(stackUid).pages({ concurrency: 1 })) {
    for (const backup of page.items) ids.push(backup.id);
  }
} else {
  const options = concurrency === undefined ? {} : { concurrency };
  for await (const backup of client.backups.list(stackUid, options)) ids.push(backup.id);
}
const ms = performance.now() - started;
process.stdout.write(
  JSON.stringify({
    ms,
    items: ids.length,
    digest: createHash('sha256').update(ids.join(',')).digest('hex'),
    requests,
    peakRss: process.resourceUsage().maxRSS * 1024,
  }),
);
