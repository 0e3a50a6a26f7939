// The sandbox file host's throughput for one large file, against a plain in-memory server.
// Both are fetched by curl in one run (the plain server is the loopback ceiling); the
// servers alternate over rounds, who goes first alternating too, and the medians are
// compared. Run: pnpm bench file-host [GiB] (or, built: pnpm --filter @c66-backup/sandbox
// bench:file-host [GiB]); the default is 2 GiB.
import { startSandbox } from '../../dist/index.js';
import { curlRate } from './curl-rate.mjs';
import { startPlainServer } from './plain-server.mjs';

const GiB = 1024 ** 3;
const sizeArg = process.argv.slice(2).find((a) => a !== '--');
const size = Math.round(Number(sizeArg ?? 2) * GiB);

const sb = await startSandbox({ port: 0, splitThresholdBytes: size, rateLimitPerHour: 0 });
const stack = sb.createStack({ name: 'bench', backups: 1, backupSizeBytes: size });
const headers = { Authorization: `Bearer ${sb.token}` };
const list = await (await fetch(`${sb.apiUrl}/stacks/${stack.uid}/backups`, { headers })).json();
const id = list.response[0].id;
const file = await (
  await fetch(`${sb.apiUrl}/stacks/${stack.uid}/backups/${id}/files/tar`, { headers })
).json();
// Cloud 66 encodes the signature twice; the file host wants it once.
const url = file.response.public_url.replaceAll('%25', '%');
const plain = await startPlainServer(size);

// The machine is shared, so a single pair of runs says more about the neighbours than
// about the server: alternate over a few rounds and compare medians.
await curlRate(url, size); // warm-up
const rounds = 3;
const sandboxRates = [];
const plainRates = [];
for (let i = 0; i < rounds; i++) {
  if (i % 2 === 0) {
    sandboxRates.push(await curlRate(url, size));
    plainRates.push(await curlRate(plain.url, size));
  } else {
    plainRates.push(await curlRate(plain.url, size));
    sandboxRates.push(await curlRate(url, size));
  }
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
console.log(
  'goal: none of its own (context: the download bench needs the file host not to be its bottleneck)',
);
plain.close();
await sb.close();
