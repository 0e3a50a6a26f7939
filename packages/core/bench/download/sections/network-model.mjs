// Network model on (per-connection cap, shared link, time to first byte): the engine
// against curl fetching the parts one after another, and against aria2c on the same
// fresh URLs. Goals: >= 6x curl, >= 0.9x aria2c.
import { runAria2 } from '../aria2.mjs';
import { runCurl } from '../curl.mjs';
import { runEngine } from '../run-child.mjs';
import { gib, median, mibps, secs } from '../stats.mjs';

export async function networkModelThroughput(s, { curl, aria2c, dir, options }) {
  const rows = [];
  const notes = [];
  const engine = new Map();
  const cpu = new Map();
  const aria = { 1: [], 5: [] };
  // Interleaved rounds, so drift on the shared machine hits every contender alike.
  for (let round = 0; round < options.modelRounds; round++) {
    for (const n of options.modelConnections) {
      const run = await runEngine(s, dir, n);
      engine.set(n, [...(engine.get(n) ?? []), run.ms]);
      cpu.set(n, [...(cpu.get(n) ?? []), run.cpuMs]);
    }
    if (aria2c) {
      for (const j of [1, 5]) {
        const a = await runAria2(s, aria2c, dir, { parallelParts: j });
        aria[j].push(a.ms + a.fsyncMs);
      }
    }
  }
  for (const [n, list] of engine) {
    rows.push({
      measure: `downloadBackup, connections ${n}, ${gib(s.size)}`,
      value: mibps(s.size, median(list)),
      detail: `median of ${list.length} (runs ${secs(list)} s; verified, fsync'd); its CPU time ${secs(cpu.get(n))} s`,
    });
  }
  const best = Math.min(...[...engine.values()].map(median));
  const ours = median(engine.get(options.modelConnections[0]));
  const defaultN = options.modelConnections[0];
  if (aria2c) {
    for (const j of [1, 5]) {
      const a = median(aria[j]);
      rows.push(
        {
          measure: `aria2c -x 8 -s 8 -j ${j}${j === 5 ? ' (its default -j)' : ''} + fsync`,
          value: mibps(s.size, a),
          detail: `median of ${aria[j].length} (runs ${secs(aria[j])} s); up to ${8 * j} connections`,
        },
        {
          measure: `  ratio, connections ${defaultN} vs aria2c -j ${j}`,
          value: (a / ours).toFixed(2),
          detail: `goal >= 0.90: ${a / ours >= 0.9 ? 'met' : 'NOT met'}${best < ours ? `; best engine row ${(a / best).toFixed(2)}` : ''}`,
        },
      );
    }
  } else {
    notes.push('aria2c could not be installed: the ratios vs aria2c were not measured.');
  }
  if (curl && options.curlModelRounds > 0) {
    const curls = [];
    for (let round = 0; round < options.curlModelRounds; round++) {
      const c = await runCurl(s, curl, dir);
      curls.push(c.ms + c.fsyncMs);
    }
    const c = median(curls);
    rows.push(
      {
        measure: 'curl, parts one after another + fsync',
        value: mibps(s.size, c),
        detail: `median of ${curls.length} (runs ${secs(curls)} s); one connection`,
      },
      {
        measure: `  ratio, connections ${defaultN} vs curl`,
        value: (c / ours).toFixed(2),
        detail: `goal >= 6.00: ${c / ours >= 6 ? 'met' : 'NOT met'}`,
      },
    );
  }
  return { rows, notes };
}
