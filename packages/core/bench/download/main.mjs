#!/usr/bin/env node
// Downloads: the engine against curl and aria2c, with and without the network model.
// Each download runs in its own process, against the sandbox on loopback; the sections
// also measure peak RSS and the cost of a resume. Run: `pnpm bench download [--help]`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchBackup } from './bench-backup.mjs';
import { assertBuilt } from './dist-entry.mjs';
import { parseOptions } from './options.mjs';
import { runEngine } from './run-child.mjs';
import { loopbackThroughput } from './sections/loopback-throughput.mjs';
import { networkModelThroughput } from './sections/network-model.mjs';
import { peakRss } from './sections/peak-rss.mjs';
import { resumeCost } from './sections/resume-cost.mjs';
import { GiB } from './stats.mjs';
import { heading, printTable } from './table.mjs';
import { ensureDebianTool, which } from './tools.mjs';

const options = parseOptions(process.argv.slice(2));
assertBuilt();
const curl = which('curl');
const dir = await mkdtemp(join(tmpdir(), 'c66-bench-'));
const rows = [];
const notes = [];
const add = (title, result) => {
  rows.push(heading(title), ...result.rows);
  notes.push(...result.notes);
};
/** Runs `section` against a fresh sandbox holding one backup, then closes it. */
async function withBackup(spec, section) {
  const s = await benchBackup(spec);
  try {
    return await section(s);
  } finally {
    await s.sb.close();
  }
}
const size = options.sizeGib * GiB;
const network = {
  connectionMibps: options.connectionMibps,
  linkMibps: options.linkMibps,
  firstByteMs: options.firstByteMs,
};
try {
  if (options.only.includes('model')) {
    const aria2 = ensureDebianTool('aria2c', 'aria2');
    if (aria2.reason) notes.push(aria2.reason);
    const title = `Network model on: ${network.connectionMibps} MiB/s per connection, ${network.linkMibps} MiB/s link, ${network.firstByteMs} ms to first byte`;
    add(
      title,
      await withBackup({ partMib: options.partMib, size, network }, (s) =>
        networkModelThroughput(s, { curl, aria2c: aria2.path, dir, options }),
      ),
    );
  }
  if (options.only.includes('loopback')) {
    add(
      'Network model off (loopback: the CPU is the bottleneck)',
      await withBackup({ partMib: options.partMib, size }, (s) =>
        loopbackThroughput(s, { curl, dir, rounds: options.rounds }),
      ),
    );
  }
  if (options.only.includes('md5') && options.md5PartMib > 0) {
    add(
      `Network model off, MD5-verified parts (${options.md5PartMib} MiB parts: plain-MD5 ETags)`,
      await withBackup({ partMib: options.md5PartMib, size }, async (s) => {
        await runEngine(s, dir); // warm-up: the sandbox computes each part's MD5 ETag once
        return loopbackThroughput(s, {
          curl,
          dir,
          rounds: options.rounds,
          label: ' (MD5)',
          goal: 0.8,
        });
      }),
    );
  }
  if (options.only.includes('rss'))
    add('Peak RSS (network model off)', await peakRss(options, dir));
  if (options.only.includes('resume')) {
    add(
      'Resume after a reset (network model off)',
      await withBackup({ partMib: options.partMib, size }, (s) =>
        resumeCost(s, dir, options.rounds),
      ),
    );
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
printTable(rows, notes);
