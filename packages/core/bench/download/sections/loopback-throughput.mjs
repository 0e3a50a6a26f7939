// Network model off (the CPU is the bottleneck): the engine against curl + fsync, with
// the bare transport as the ceiling. Goals: >= 0.9 of curl + fsync; >= 0.8 with MD5 parts.
import { runCurl } from '../curl.mjs';
import { runEngine, runFloor } from '../run-child.mjs';
import { gib, median, mibps, secs } from '../stats.mjs';

export async function loopbackThroughput(s, { curl, dir, rounds, label = '', goal = 0.9 }) {
  const ours = [];
  const sequential = [];
  const curls = [];
  const curlsSynced = [];
  const floors = [];
  const runCurlOnce = async () => {
    if (!curl) return;
    const c = await runCurl(s, curl, dir);
    curls.push(c.ms);
    curlsSynced.push(c.ms + c.fsyncMs);
  };
  // Alternate who goes first, so neither side always inherits the other's writeback.
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) await runCurlOnce();
    ours.push((await runEngine(s, dir)).ms);
    sequential.push((await runEngine(s, dir, 1)).ms);
    if (round % 2 === 1) await runCurlOnce();
    floors.push((await runFloor(s, dir, 'http')).ms);
  }
  const o = median(ours);
  const f = median(floors);
  const rows = [
    {
      measure: `downloadBackup${label}, ${gib(s.size)}`,
      value: mibps(s.size, o),
      detail: `median of ${rounds}: ${(o / 1000).toFixed(2)} s (runs ${secs(ours)} s; verified, fsync'd)`,
    },
    {
      measure: `downloadBackup${label}, connections 1 (before)`,
      value: mibps(s.size, median(sequential)),
      detail: `median of ${rounds} (runs ${secs(sequential)} s): one part after another`,
    },
    {
      measure: `  bare node:http to nowhere${label} (ceiling)`,
      value: mibps(s.size, f),
      detail: `median ${(f / 1000).toFixed(2)} s (runs ${secs(floors)} s): one connection, no disk`,
    },
  ];
  if (!curl) return { rows, notes: ['curl is not installed: the ratio vs curl was not measured.'] };
  const c = median(curls);
  const cs = median(curlsSynced);
  rows.push(
    {
      measure: `curl${label} + fsync, same parts to one file`,
      value: mibps(s.size, cs),
      detail: `median ${(cs / 1000).toFixed(2)} s (runs ${secs(curlsSynced)} s; without fsync ${(c / 1000).toFixed(2)} s)`,
    },
    {
      measure: `ratio${label} vs curl + fsync`,
      value: (cs / o).toFixed(2),
      detail: `goal >= ${goal.toFixed(2)}: ${cs / o >= goal ? 'met' : 'NOT met'}; connections 1: ${(cs / median(sequential)).toFixed(2)}`,
    },
  );
  return { rows, notes: [] };
}
