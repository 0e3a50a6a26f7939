// One downloadBackup in a fresh process (spawned by run-child.mjs): prints its timing,
// byte count and peak RSS as JSON on stdout.
import { distEntry } from './dist-entry.mjs';

const { apiUrl, token, stackUid, backupId, dir, connections } = JSON.parse(
  process.env.C66_BENCH_CONFIG ?? '{}',
);
const { createClient, downloadBackup } = await import(distEntry);
const client = createClient({ token, baseUrl: apiUrl });
const baselineRss = process.memoryUsage().rss;
const started = performance.now();
const retries = [];
const result = await downloadBackup(client, stackUid, backupId, {
  dir,
  overwrite: true,
  ...(connections !== undefined && { connections }),
  onRetry: (event) => retries.push({ at: Date.now(), bytesReached: event.bytesReached }),
});
const ms = performance.now() - started;
const { user, system } = process.cpuUsage();
const cpuMs = (user + system) / 1000;
const maxRss = process.resourceUsage().maxRSS * 1024;
const { bytes, path } = result;
const parts = result.parts.length;
process.stdout.write(
  JSON.stringify({ ms, cpuMs, bytes, parts, path, baselineRss, maxRss, retries }),
);
