// The ceiling of the engine's transport in one process: the same parts read one after
// another and thrown away (no disk, no checks), over node:http (`http`, the engine's
// transport) or fetch. Context for the ratios, not a goal.
import { get } from 'node:http';
import { distEntry } from './dist-entry.mjs';

const mode = process.argv[2];
const { apiUrl, token, stackUid, backupId } = JSON.parse(process.env.C66_BENCH_CONFIG ?? '{}');
const { createClient } = await import(distEntry);
const client = createClient({ token, baseUrl: apiUrl });
const files = await client.files.list(stackUid, backupId).toArray();
files.sort((a, b) => (a.name < b.name ? -1 : 1));
const baselineRss = process.memoryUsage().rss;
const started = performance.now();
let bytes = 0;
for (const f of files) {
  const { publicUrl } = await client.files.get(stackUid, backupId, f.id);
  const headers = { 'accept-encoding': 'identity' };
  if (mode === 'http') {
    const response = await new Promise((resolve, reject) =>
      get(publicUrl, { headers }, resolve).on('error', reject),
    );
    for await (const chunk of response) bytes += chunk.length;
  } else {
    const response = await fetch(publicUrl, { headers });
    for await (const chunk of response.body) bytes += chunk.length;
  }
}
const ms = performance.now() - started;
const maxRss = process.resourceUsage().maxRSS * 1024;
process.stdout.write(JSON.stringify({ ms, bytes, parts: files.length, baselineRss, maxRss }));
