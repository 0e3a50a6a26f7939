// Pagination: the list iterator against a sequential page walk, 10,000 backups, 50 ms latency.
// The iterator prefetches pages with bounded concurrency. Each walk runs in a fresh process,
// the contenders alternate who goes first, and the medians of the rounds are compared; the
// goal is the default concurrency at least 5x faster than the sequential walk.
// Run: pnpm bench pagination [--rounds 3] [--backups 10000] [--latency-ms 50]
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startSandbox } from '@c66-backup/sandbox';
import { createClient, formatBytes } from '../../dist/index.js';
import { runWalk } from './run-walk.mjs';

const GOAL = 5;
const { values: opts } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    backups: { type: 'string', default: '10000' },
    'latency-ms': { type: 'string', default: '50' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  console.log('pnpm bench pagination [--rounds 3] [--backups 10000] [--latency-ms 50]');
  process.exit(0);
}
const rounds = Number(opts.rounds);
const latencyMs = Number(opts['latency-ms']);

// The default runs without a concurrency option: whatever the client does by default is
// what is measured (4 and 16 are context on either side of today's 8).
const contenders = [
  { label: 'sequential page walk', mode: 'sequential' },
  { label: 'iterator, default concurrency', mode: 'iterator' },
  { label: 'iterator, concurrency 4', mode: 'iterator', concurrency: 4 },
  { label: 'iterator, concurrency 16', mode: 'iterator', concurrency: 16 },
];

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

// The sandbox serves from this process; each walk runs in its own, so its figures are the
// client's alone.
const sandbox = await startSandbox({
  port: 0,
  backups: Number(opts.backups),
  latencyMs,
  rateLimitPerHour: 0,
});
try {
  const client = createClient({ token: sandbox.token, baseUrl: sandbox.apiUrl });
  const [bulk] = await client.stacks.list({ name: 'bulk' }).toArray();
  if (!bulk) throw new Error('the sandbox has no bulk stack');
  const first = await client.backups.list(bulk.uid).page(1);
  console.log(
    `pagination benchmark: ${first.count} backups, ${first.pages} pages, ${latencyMs} ms latency per request, ${rounds} rounds, Node ${process.version}, ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );

  const runs = contenders.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (round + k) % contenders.length; // each round starts with the next contender
      const { label, ...contender } = contenders[i];
      const run = await runWalk(sandbox, bulk.uid, contender);
      if (run.items !== first.count) throw new Error(`${label}: ${run.items} items`);
      runs[i].push(run);
    }
  }
  const expected = runs[0][0].digest;
  for (const [i, list] of runs.entries()) {
    if (list.some((r) => r.digest !== expected)) {
      throw new Error(`${contenders[i].label}: items differ from the sequential walk`);
    }
  }

  const medians = runs.map((list) => median(list.map((r) => r.ms)));
  for (const [i, { label }] of contenders.entries()) {
    const list = runs[i];
    console.log(
      `${label.padEnd(34)} ${(medians[i] / 1000).toFixed(2).padStart(6)} s median (${list.map((r) => (r.ms / 1000).toFixed(2)).join(', ')})  ${list[0].requests} requests  peak rss ${formatBytes(median(list.map((r) => r.peakRss)))}`,
    );
  }
  console.log('');
  for (const [i, contender] of contenders.entries()) {
    if (contender.mode === 'sequential') continue;
    const ratio = medians[0] / medians[i];
    const verdict =
      contender.concurrency === undefined
        ? `goal >= ${GOAL}x: ${ratio >= GOAL ? 'met' : 'not met'}`
        : `context; ceiling ${contender.concurrency}x`;
    console.log(`ratio sequential / ${contender.label}: ${ratio.toFixed(2)}x  (${verdict})`);
  }
} finally {
  await sandbox.close();
}
