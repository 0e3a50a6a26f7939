// Pagination benchmark: the core's list iterator (pages prefetched with bounded
// concurrency) against a strictly sequential page walk, in the same run, over 10,000
// backups behind 50 ms of latency per request. Run: pnpm --filter @c66-backup/core bench
// (after building: pnpm turbo run build --filter=@c66-backup/core...).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createClient, formatBytes } from '../dist/index.js';
// A tuning constant, not public API: read from the built module itself.
import { DEFAULT_PAGE_CONCURRENCY } from '../dist/paginate.js';

const BACKUPS = Number(process.env.BENCH_BACKUPS ?? 10_000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const GOAL = 5;

const sandboxPkg = createRequire(import.meta.url).resolve('@c66-backup/sandbox/package.json');
const bin = join(dirname(sandboxPkg), 'dist', 'bin.js');

/** The sandbox runs in its own process so the memory figures are the client's alone. */
function startSandbox() {
  const args = ['--port', '0', '--backups', String(BACKUPS), '--latency', String(LATENCY_MS)];
  const child = spawn(process.execPath, [bin, ...args, '--rate-limit', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`sandbox exited early (code ${code})`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('C66_SANDBOX_READY '));
      if (line) resolve({ child, ...JSON.parse(line.slice('C66_SANDBOX_READY '.length)) });
    });
  });
}

function memorySampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss);
  };
}

async function measure(label, walk) {
  const stop = memorySampler();
  const started = performance.now();
  const ids = await walk();
  const ms = performance.now() - started;
  const peakRss = stop();
  console.log(
    `${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${String(ids.length).padStart(6)} items  peak rss ${formatBytes(peakRss)}`,
  );
  return { ms, ids };
}

const baselineRss = process.memoryUsage().rss;
const sandbox = await startSandbox();
try {
  let requests = 0;
  const client = createClient({
    token: sandbox.token,
    baseUrl: sandbox.apiUrl,
    userAgent: 'c66-backup-bench/0.1.0',
    onRequest: () => requests++,
  });
  const [bulk] = await client.stacks.list({ name: 'bulk' }).toArray();
  if (!bulk) throw new Error('the sandbox has no bulk stack');
  const list = () => client.backups.list(bulk.uid);
  const first = await list().page(1);
  console.log(
    `pagination benchmark: ${first.count} backups, ${first.pages} pages of 30, ${LATENCY_MS} ms latency per request, Node ${process.version}`,
  );

  const sequential = await measure('sequential page walk', async () => {
    const ids = [];
    for await (const page of list().pages({ concurrency: 1 })) {
      for (const backup of page.items) ids.push(backup.id);
    }
    return ids;
  });
  const runs = [];
  const others = [4, 16].filter((n) => n !== DEFAULT_PAGE_CONCURRENCY);
  for (const concurrency of [DEFAULT_PAGE_CONCURRENCY, ...others]) {
    const isDefault = concurrency === DEFAULT_PAGE_CONCURRENCY;
    const label = `iterator, concurrency ${concurrency}${isDefault ? ' (default)' : ''}`;
    const run = await measure(label, async () => {
      const ids = [];
      for await (const backup of client.backups.list(bulk.uid, { concurrency }))
        ids.push(backup.id);
      return ids;
    });
    if (run.ids.join() !== sequential.ids.join()) {
      throw new Error(`${label}: items differ from the sequential walk`);
    }
    runs.push({ concurrency, ...run });
  }

  console.log('');
  for (const run of runs) {
    const ratio = sequential.ms / run.ms;
    const verdict = ratio >= GOAL ? 'meets' : 'below';
    console.log(
      `ratio sequential/iterator (concurrency ${run.concurrency}): ${ratio.toFixed(2)}x  (${verdict} the ${GOAL}x goal; ceiling ${run.concurrency}x)`,
    );
  }
  const usage = process.resourceUsage();
  console.log(
    `requests: ${requests}; rss before the runs ${formatBytes(baselineRss)}; peak memory of this process (maxRSS) ${formatBytes(usage.maxRSS * 1024)} (the sandbox runs in its own process)`,
  );
} finally {
  sandbox.child.kill();
}
