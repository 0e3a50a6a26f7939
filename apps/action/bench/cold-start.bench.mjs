// Benchmark: the committed bundle's size and its cold start, i.e. the time from spawning
// `node dist/index.js` (as the runner does) to the first HTTP request reaching the sandbox.
// Side by side, in the same run, with a bare `node -e "fetch(...)"` doing the same first
// request: the ratio shows what the bundle adds over Node's own start-up.
// Usage: pnpm --filter @c66-backup/action bench   (C66_NODE24=/path/to/node24 to pick Node)
import { spawn, spawnSync } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startSandbox } from '@c66-backup/sandbox';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const node = process.env.C66_NODE24 || process.execPath;
const bundle = join(import.meta.dirname, '..', 'dist', 'index.js');
const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Spawns `args` and resolves with ms from spawn to the sandbox's first recorded request. */
async function coldStart(sb, args, env) {
  sb.clearRequests();
  const spawnedAt = Date.now();
  const child = spawn(node, args, { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' });
  const code = await new Promise((resolve) => child.on('close', resolve));
  const first = sb.requests[0];
  if (!first) throw new Error(`no request reached the sandbox (exit code ${code})`);
  return first.at - spawnedAt;
}

const sb = await startSandbox({ port: 0, backupDelayMs: 10 });
try {
  const actionEnv = {
    'INPUT_API-TOKEN': sb.token,
    'INPUT_API-URL': sb.apiUrl,
    INPUT_STACK: 'blog',
    'INPUT_DB-TYPE': 'postgresql',
    INPUT_WAIT: 'false',
    GITHUB_OUTPUT: '/dev/null',
    GITHUB_STEP_SUMMARY: '/dev/null',
  };
  const bareScript = `fetch(${JSON.stringify(`${sb.apiUrl}/stacks`)}, { headers: { authorization: 'Bearer ' + process.env.T } }).then((r) => r.text())`;
  const bundleMs = [];
  const bareMs = [];
  await coldStart(sb, [bundle], actionEnv); // warm the file cache; not counted
  for (let i = 0; i < RUNS; i++) {
    bareMs.push(await coldStart(sb, ['-e', bareScript], { T: sb.token }));
    bundleMs.push(await coldStart(sb, [bundle], actionEnv));
  }
  // index.js imports the chunk it shares with check.js: the bundle is the entry plus chunks.
  const dist = dirname(bundle);
  const files = [
    bundle,
    ...(await readdir(dist)).filter((f) => /^chunk-.*\.js$/.test(f)).map((f) => join(dist, f)),
  ];
  const bytes = Buffer.concat(await Promise.all(files.map((f) => readFile(f))));
  const size = (await Promise.all(files.map((f) => stat(f)))).reduce((sum, s) => sum + s.size, 0);
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const b = median(bundleMs);
  const n = median(bareMs);
  console.log(`node: ${node} (${nodeVersion})`);
  console.log(`bundle: ${files.map((f) => basename(f)).join(' + ')} in ${dist}`);
  console.log(`bundle size: ${size} bytes (${kib(size)}; gzip ${kib(gzipSync(bytes).length)})`);
  console.log(`cold start to first request, median of ${RUNS}:`);
  console.log(
    `  action bundle     ${b} ms   (min ${Math.min(...bundleMs)}; runs: ${bundleMs.join(', ')})`,
  );
  console.log(
    `  bare node + fetch ${n} ms   (min ${Math.min(...bareMs)}; runs: ${bareMs.join(', ')})`,
  );
  console.log(`  ratio bundle / bare node: ${(b / n).toFixed(2)}x (+${b - n} ms)`);
} finally {
  await sb.close();
}
