// A TCP reset at 50% of the backup, resumed. Measured end to end (interrupted and
// uninterrupted runs alternated, medians compared: noisy on a shared machine) and
// directly (from the engine noticing the reset to its Range request reaching the host).
// Goal: the resume costs under 5% of an uninterrupted run.
import { runEngine } from '../run-child.mjs';
import { median, secs } from '../stats.mjs';

const rangeStart = (request) => Number(/bytes=(\d+)-/.exec(request?.headers.range ?? '')?.[1] ?? 0);

/** The part holding the backup's middle byte, and that byte's offset inside it. */
function middleOf(s) {
  const half = Math.floor(s.size / 2);
  let offset = 0;
  for (const f of s.sb.backupFiles(s.stackUid, s.backupId)) {
    if (half < offset + f.size) return { part: f, at: half - offset };
    offset += f.size;
  }
  throw new Error('no part holds the middle byte');
}

export async function resumeCost(s, dir, rounds) {
  const { part, at } = middleOf(s);
  const plain = [];
  const interrupted = [];
  const gaps = [];
  const refetched = [];
  for (let round = 0; round < rounds; round++) {
    plain.push((await runEngine(s, dir)).ms);
    s.sb.clearRequests();
    // The first connection to that part is reset once it has sent `at` bytes (or at the
    // end of its range, if the engine asked for less than that).
    s.sb.faults.inject({
      route: 'download',
      kind: 'reset',
      afterBytes: at,
      match: { fileId: part.id },
    });
    const run = await runEngine(s, dir);
    interrupted.push(run.ms);
    const gets = s.sb.requests.filter(
      (r) => r.method === 'GET' && r.path.endsWith(`/${part.name}`),
    );
    const retry = run.retries[0];
    // The resume: a later request starting inside what the reset connection was sending.
    const cut = rangeStart(gets[0]);
    const again =
      retry &&
      gets.find((r) => r.at >= retry.at && rangeStart(r) > cut && rangeStart(r) <= cut + at);
    if (!again) throw new Error('the reset was not followed by another request for the part');
    gaps.push(again.at - retry.at);
    refetched.push(Math.max(0, retry.bytesReached - rangeStart(again)));
  }
  const p = median(plain);
  const i = median(interrupted);
  const cost = (i - p) / p;
  return {
    rows: [
      {
        measure: `reset at 50% (${part.id}, byte ${at}), resumed`,
        value: `${(i / 1000).toFixed(2)} s`,
        detail: `median of ${rounds} (runs ${secs(interrupted)} s)`,
      },
      {
        measure: '  uninterrupted, alternated with those',
        value: `${(p / 1000).toFixed(2)} s`,
        detail: `median of ${rounds} (runs ${secs(plain)} s)`,
      },
      {
        measure: '  resume cost, end to end',
        value: `${(cost * 100).toFixed(1)}%`,
        detail: `goal < 5%: ${cost < 0.05 ? 'met' : 'NOT met'} (run-to-run noise on this machine is of the same order)`,
      },
      {
        measure: '  resume cost, reset -> next Range request',
        value: `${median(gaps).toFixed(0)} ms`,
        detail: `median (${gaps.join(', ')} ms; includes the jittered backoff); bytes fetched twice: ${refetched.join(', ')}`,
      },
    ],
    notes: [],
  };
}
