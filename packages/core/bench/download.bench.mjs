#!/usr/bin/env node
// Download engine benchmark, on the built dist (build first:
//   pnpm turbo run build --filter=@c66-backup/core...  then  pnpm --filter @c66-backup/core bench:download).
// Prints, measured side by side in one run against the sandbox on loopback:
//   1. throughput of downloadBackup vs curl fetching the same parts (goal: >= 0.9 of curl),
//   2. peak RSS of a process downloading a 1 GiB and a 4 GiB backup (goal: < 100 MB, flat),
//   3. the cost of a resume after a connection reset at 50% vs an uninterrupted run.
// Each download runs in its own process (the sandbox serves from this one), so the
// engine and curl get the same CPU budget and RSS is the downloader's alone.
// Options: --size-gib 2 --rss-gib 1,4 --rounds 5 --part-mib 250 --md5-part-mib 60 (0 skips the MD5 row)
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist', 'index.js');
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

if (process.argv[2] === '--child') {
  await child(JSON.parse(process.argv[3]));
} else if (process.argv[2] === '--floor' || process.argv[2] === '--floor-http') {
  await floor(JSON.parse(process.argv[3]), process.argv[2] === '--floor-http');
} else {
  await main(parseArgs(process.argv.slice(2)));
}

/** One download in a fresh process: prints its timing and its peak RSS as JSON. */
async function child({ apiUrl, token, stackUid, backupId, dir }) {
  const { createClient, downloadBackup } = await import(dist);
  const client = createClient({ token, baseUrl: apiUrl });
  const baselineRss = process.memoryUsage().rss;
  const started = performance.now();
  const retries = [];
  const result = await downloadBackup(client, stackUid, backupId, {
    dir,
    overwrite: true,
    onRetry: (event) => retries.push({ at: Date.now(), bytesReached: event.bytesReached }),
  });
  const ms = performance.now() - started;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const { bytes, parts, path } = { ...result, parts: result.parts.length };
  process.stdout.write(JSON.stringify({ ms, bytes, parts, path, baselineRss, maxRss, retries }));
}

/**
 * The ceiling of the engine's transport (node:http) in this process: the same parts read
 * and thrown away (no disk, no checks); bare fetch, the transport before, for comparison.
 * Context for the ratio, not a goal.
 */
async function floor({ apiUrl, token, stackUid, backupId }, viaNodeHttp) {
  const { createClient } = await import(dist);
  const client = createClient({ token, baseUrl: apiUrl });
  const files = await client.files.list(stackUid, backupId).toArray();
  files.sort((a, b) => (a.name < b.name ? -1 : 1));
  const baselineRss = process.memoryUsage().rss;
  const started = performance.now();
  let bytes = 0;
  for (const f of files) {
    const { publicUrl } = await client.files.get(stackUid, backupId, f.id);
    if (viaNodeHttp) {
      const { get } = await import('node:http');
      const response = await new Promise((resolve, reject) =>
        get(publicUrl, { headers: { 'accept-encoding': 'identity' } }, resolve).on('error', reject),
      );
      for await (const chunk of response) bytes += chunk.length;
    } else {
      const response = await fetch(publicUrl, { headers: { 'accept-encoding': 'identity' } });
      for await (const chunk of response.body) bytes += chunk.length;
    }
  }
  const ms = performance.now() - started;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ ms, bytes, parts: files.length, baselineRss, maxRss }));
}

function parseArgs(rawArgs) {
  const args = rawArgs.filter((arg) => arg !== '--'); // pnpm passes its separator through
  const options = { sizeGib: 2, rssGib: [1, 4], rounds: 5, partMib: 250, md5PartMib: 60 };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--size-gib') options.sizeGib = Number(value);
    else if (flag === '--rss-gib') options.rssGib = value.split(',').map(Number);
    else if (flag === '--rounds') options.rounds = Number(value);
    else if (flag === '--part-mib') options.partMib = Number(value);
    else if (flag === '--md5-part-mib') options.md5PartMib = Number(value);
    else
      throw new Error(
        `unknown option ${flag} (see the header of ${fileURLToPath(import.meta.url)})`,
      );
  }
  return options;
}

async function main(options) {
  if (!existsSync(dist)) {
    console.error(
      `No build at ${dist}: run \`pnpm turbo run build --filter=@c66-backup/core...\` first.`,
    );
    process.exit(1);
  }
  const curl = which('curl');
  const { startSandbox } = await import('@c66-backup/sandbox');
  const { createClient } = await import(dist);
  const dir = await mkdtemp(join(tmpdir(), 'c66-bench-'));
  const rows = [];
  const notes = [];
  try {
    // 1 + 3: throughput vs curl, and the resume cost, on one 2 GiB backup in parts.
    const main = await sandboxWith(
      startSandbox,
      createClient,
      options.partMib,
      options.sizeGib * GiB,
    );
    try {
      const t = await throughput(main, curl, dir, options.rounds);
      rows.push(...t.rows);
      notes.push(...t.notes);
      rows.push(...(await resumeCost(main, dir, 3)));
    } finally {
      await main.sb.close();
    }
    // 1b: the same with parts small enough for plain-MD5 ETags, so every byte is hashed.
    if (options.md5PartMib > 0) {
      const md5 = await sandboxWith(
        startSandbox,
        createClient,
        options.md5PartMib,
        options.sizeGib * GiB,
      );
      try {
        await runOurs(md5, dir); // warm-up: the sandbox computes each part's ETag once
        const t = await throughput(md5, curl, dir, options.rounds, ' (MD5-verified parts)');
        rows.push(...t.rows);
      } finally {
        await md5.sb.close();
      }
    }
    // 2: peak RSS for two sizes, each in its own process.
    for (const gib of options.rssGib) {
      const s = await sandboxWith(startSandbox, createClient, options.partMib, gib * GiB);
      try {
        const run = await runOurs(s, dir);
        const bare = await runChild(s, dir, '--floor-http');
        rows.push(
          {
            measure: `peak RSS, ${gib} GiB backup (${run.parts} parts)`,
            value: `${(run.maxRss / MiB).toFixed(1)} MiB`,
            detail: `after imports ${(run.baselineRss / MiB).toFixed(1)} MiB; goal < 100 MiB and flat`,
          },
          {
            measure: `  bare node:http to nowhere, ${gib} GiB (floor)`,
            value: `${(bare.maxRss / MiB).toFixed(1)} MiB`,
            detail: `after imports ${(bare.baselineRss / MiB).toFixed(1)} MiB: the runtime's own peak`,
          },
        );
      } finally {
        await s.sb.close();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  printTable(rows, notes);
}

async function sandboxWith(startSandbox, createClient, partMib, size) {
  const sb = await startSandbox({
    port: 0,
    splitThresholdBytes: partMib * MiB,
    rateLimitPerHour: 0,
  });
  const stackUid = sb.createStack({ name: `bench-${partMib}`, backups: 0 }).uid;
  const [backup] = sb.addBackups(stackUid, { dbType: 'mysql', sizeBytes: Math.round(size) });
  const client = createClient({ token: sb.token, baseUrl: sb.apiUrl });
  return { sb, client, stackUid, backupId: backup.id, size: Math.round(size) };
}

async function throughput(s, curl, dir, rounds, label = '') {
  const ours = [];
  const curls = [];
  const curlsSynced = [];
  const floors = [];
  const httpFloors = [];
  const runCurlOnce = async () => {
    if (!curl) return;
    const c = await runCurl(s, curl, dir);
    curls.push(c.ms);
    curlsSynced.push(c.ms + c.fsyncMs);
  };
  // Alternate who goes first, and flush earlier runs' dirty pages before each run, so
  // neither side inherits the other's writeback.
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await runCurlOnce();
      ours.push((await runOurs(s, dir)).ms);
    } else {
      ours.push((await runOurs(s, dir)).ms);
      await runCurlOnce();
    }
    floors.push((await runChild(s, dir, '--floor')).ms);
    httpFloors.push((await runChild(s, dir, '--floor-http')).ms);
  }
  const mbps = (ms) => `${(s.size / MiB / (ms / 1000)).toFixed(0)} MiB/s`;
  const secs = (list) => list.map((m) => (m / 1000).toFixed(2)).join(', ');
  const o = median(ours);
  const f = median(floors);
  const h = median(httpFloors);
  const rows = [
    {
      measure: `downloadBackup${label}, ${+(s.size / GiB).toFixed(2)} GiB`,
      value: mbps(o),
      detail: `median of ${rounds}: ${(o / 1000).toFixed(2)} s (runs ${secs(ours)} s; verified, fsync'd)`,
    },
    {
      measure: `  bare node:http to nowhere${label} (ceiling)`,
      value: mbps(h),
      detail: `median ${(h / 1000).toFixed(2)} s (runs ${secs(httpFloors)} s): the engine's transport alone, no disk`,
    },
    {
      measure: `  bare fetch to nowhere${label}`,
      value: mbps(f),
      detail: `median ${(f / 1000).toFixed(2)} s (runs ${secs(floors)} s): Node's fetch, for comparison`,
    },
  ];
  const notes = [];
  if (curl) {
    const c = median(curls);
    const cs = median(curlsSynced);
    rows.push(
      {
        measure: `curl${label}, same parts to one file`,
        value: mbps(c),
        detail: `median ${(c / 1000).toFixed(2)} s (runs ${secs(curls)} s; no fsync)`,
      },
      {
        measure: `curl${label} + fsync`,
        value: mbps(cs),
        detail: `median ${(cs / 1000).toFixed(2)} s (same durability as ours)`,
      },
      {
        measure: `ratio${label} vs curl + fsync`,
        value: (cs / o).toFixed(2),
        detail: 'goal >= 0.90',
      },
      {
        measure: `ratio${label} vs curl (no fsync)`,
        value: (c / o).toFixed(2),
        detail: 'stricter: curl skips the fsync',
      },
    );
  } else {
    notes.push('curl is not installed: the throughput ratio was not measured.');
  }
  return { rows, notes, oursMedianMs: o };
}

/**
 * curl gets every part's fresh URL up front (the engine asks before each part). Asking
 * for them is inside curl's time, as it is inside the engine's: the same API calls.
 */
async function runCurl(s, curl, dir) {
  const out = join(dir, 'curl.tar');
  const fd = openSync(out, 'w');
  execFileSync('sync');
  const started = performance.now();
  const files = await s.client.files.list(s.stackUid, s.backupId).toArray();
  files.sort((a, b) => (a.name < b.name ? -1 : 1));
  const urls = [];
  for (const f of files)
    urls.push((await s.client.files.get(s.stackUid, s.backupId, f.id)).publicUrl);
  await new Promise((resolve, reject) => {
    const p = spawn(curl, ['--silent', '--show-error', '--fail', ...urls], {
      stdio: ['ignore', fd, 'inherit'],
    });
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`curl exited with ${code}`)),
    );
  });
  const ms = performance.now() - started;
  const syncStart = performance.now();
  fsyncSync(fd);
  const fsyncMs = performance.now() - syncStart;
  closeSync(fd);
  const { size } = await stat(out);
  if (size !== s.size) throw new Error(`curl wrote ${size} bytes, expected ${s.size}`);
  await rm(out);
  return { ms, fsyncMs };
}

async function runOurs(s, dir) {
  const run = await runChild(s, dir, '--child');
  if (run.bytes !== s.size)
    throw new Error(`downloadBackup wrote ${run.bytes} bytes, expected ${s.size}`);
  await rm(run.path);
  return run;
}

async function runChild(s, dir, mode) {
  const config = {
    apiUrl: s.sb.apiUrl,
    token: s.sb.token,
    stackUid: s.stackUid,
    backupId: s.backupId,
    dir,
  };
  execFileSync('sync');
  const output = await new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), mode, JSON.stringify(config)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let text = '';
    p.stdout.on('data', (chunk) => {
      text += chunk;
    });
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`${mode} child exited with ${code}`)),
    );
  });
  return JSON.parse(output);
}

/**
 * A TCP reset at exactly 50% of the backup. Measured two ways: end to end (interrupted
 * and uninterrupted runs alternated, medians compared: noisy on a shared machine) and
 * directly (from the engine noticing the reset to the Range request reaching the host).
 */
async function resumeCost(s, dir, rounds) {
  const files = s.sb.backupFiles(s.stackUid, s.backupId);
  const half = Math.floor(s.size / 2);
  let offset = 0;
  const part = files.find((f) => {
    const inside = half < offset + f.size;
    if (!inside) offset += f.size;
    return inside;
  });
  const plain = [];
  const interrupted = [];
  const gaps = [];
  const refetched = [];
  for (let round = 0; round < rounds; round++) {
    plain.push((await runOurs(s, dir)).ms);
    s.sb.clearRequests();
    s.sb.faults.inject({
      route: 'download',
      kind: 'reset',
      afterBytes: half - offset,
      match: { fileId: part.id },
    });
    const run = await runOurs(s, dir);
    interrupted.push(run.ms);
    const again = s.sb.requests.filter(
      (r) => r.method === 'GET' && r.path.endsWith(`/${part.name}`),
    )[1];
    const retry = run.retries[0];
    if (!again || !retry) throw new Error('the reset was not followed by a second request');
    gaps.push(again.at - retry.at);
    const from = Number(/bytes=(\d+)-/.exec(again.headers.range ?? '')?.[1] ?? 0);
    refetched.push(half - offset - from);
  }
  const p = median(plain);
  const i = median(interrupted);
  return [
    {
      measure: `reset at 50% (${part.id}, byte ${half - offset}), resumed`,
      value: `${(i / 1000).toFixed(2)} s`,
      detail: `median of ${rounds} (runs ${interrupted.map((m) => (m / 1000).toFixed(2)).join(', ')} s)`,
    },
    {
      measure: '  uninterrupted, alternated with those',
      value: `${(p / 1000).toFixed(2)} s`,
      detail: `median of ${rounds} (runs ${plain.map((m) => (m / 1000).toFixed(2)).join(', ')} s)`,
    },
    {
      measure: '  resume cost, end to end',
      value: `${i - p >= 0 ? '+' : ''}${((i - p) / 1000).toFixed(2)} s`,
      detail: `${((i / p) * 100).toFixed(0)}% of an uninterrupted run (noise on this machine is larger)`,
    },
    {
      measure: '  resume cost, reset -> Range request',
      value: `${median(gaps).toFixed(0)} ms`,
      detail: `median (${gaps.join(', ')} ms; includes the jittered backoff); bytes fetched twice: ${refetched.join(', ')}`,
    },
  ];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function which(command) {
  try {
    return execFileSync('which', [command], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function printTable(rows, notes) {
  const w1 = Math.max(...rows.map((r) => r.measure.length));
  const w2 = Math.max(...rows.map((r) => r.value.length));
  console.log(
    `\nDownload benchmark (sandbox on loopback, node ${process.version}, ${new Date().toISOString()})\n`,
  );
  console.log(`${'measure'.padEnd(w1)}  ${'value'.padStart(w2)}  detail`);
  console.log(`${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ${'-'.repeat(40)}`);
  for (const r of rows)
    console.log(`${r.measure.padEnd(w1)}  ${r.value.padStart(w2)}  ${r.detail}`);
  for (const n of notes) console.log(`\nnote: ${n}`);
  console.log('');
}
