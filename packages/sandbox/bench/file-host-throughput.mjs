// Measures how fast the sandbox's file host serves a large backup, side by side with a
// plain in-memory HTTP server (the loopback ceiling), both fetched by curl in one run.
// Run: pnpm --filter @c66-backup/sandbox build && node packages/sandbox/bench/file-host-throughput.mjs [GiB]
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import { startSandbox } from '../dist/index.js';

const GiB = 1024 ** 3;
const sizeArg = process.argv.slice(2).find((a) => a !== '--');
const size = Math.round(Number(sizeArg ?? 2) * GiB);

// Async: the servers live in this process, so a blocking exec would deadlock.
async function curl(url) {
  const { stdout } = await promisify(execFile)('curl', [
    '-s',
    '-o',
    '/dev/null',
    '-w',
    '%{size_download} %{time_total}',
    url,
  ]);
  const [bytes, seconds] = stdout.split(' ').map(Number);
  if (bytes !== size) throw new Error(`curl got ${bytes} bytes, expected ${size}`);
  return bytes / seconds;
}

const sb = await startSandbox({ port: 0, splitThresholdBytes: size, rateLimitPerHour: 0 });
const stack = sb.createStack({ name: 'bench', backups: 1, backupSizeBytes: size });
const headers = { Authorization: `Bearer ${sb.token}` };
const list = await (await fetch(`${sb.apiUrl}/stacks/${stack.uid}/backups`, { headers })).json();
const id = list.response[0].id;
const file = await (
  await fetch(`${sb.apiUrl}/stacks/${stack.uid}/backups/${id}/files/tar`, { headers })
).json();
const url = file.response.public_url.replaceAll('%25', '%');

// The ceiling: one preallocated 1 MiB buffer written over and over.
const block = Buffer.alloc(1024 * 1024, 7);
const plain = createServer(async (_req, res) => {
  res.writeHead(200, { 'Content-Length': String(size) });
  for (let sent = 0; sent < size; sent += block.length) {
    if (!res.write(block.subarray(0, Math.min(block.length, size - sent))))
      await once(res, 'drain');
  }
  res.end();
});
plain.listen(0, '127.0.0.1');
await once(plain, 'listening');
const plainUrl = `http://127.0.0.1:${plain.address().port}/`;

// Alternate the two servers over a few rounds and compare medians: the machine is shared,
// so a single pair of runs says more about the neighbours than about the server.
await curl(url); // warm-up
const rounds = 3;
const sandboxRates = [];
const plainRates = [];
for (let i = 0; i < rounds; i++) {
  sandboxRates.push(await curl(url));
  plainRates.push(await curl(plainUrl));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (r) => `${(r / 1e6).toFixed(0)} MB/s`;
const sandboxRate = median(sandboxRates);
const plainRate = median(plainRates);
console.log(
  `file host (sandbox, ${size / GiB} GiB, median of ${rounds}): ${mb(sandboxRate)}  [${sandboxRates.map(mb).join(', ')}]`,
);
console.log(
  `plain in-memory server (median):      ${mb(plainRate)}  [${plainRates.map(mb).join(', ')}]`,
);
console.log(`ratio sandbox/plain:                  ${(sandboxRate / plainRate).toFixed(2)}`);
plain.close();
await sb.close();
