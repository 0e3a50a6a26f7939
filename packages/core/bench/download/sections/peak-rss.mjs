// Peak RSS of a process downloading backups of several sizes, next to the bare runtime
// doing the same transfer into nowhere. Goal: < 100 MiB and the same for every size.
import { benchBackup } from '../bench-backup.mjs';
import { runEngine, runFloor } from '../run-child.mjs';
import { GiB, MiB } from '../stats.mjs';

export async function peakRss(options, dir) {
  const rows = [];
  const peaks = [];
  for (const size of options.rssGib) {
    const s = await benchBackup({ partMib: options.partMib, size: size * GiB });
    try {
      const run = await runEngine(s, dir);
      const bare = await runFloor(s, dir, 'http');
      peaks.push(run.maxRss);
      rows.push(
        {
          measure: `peak RSS, ${size} GiB backup (${run.parts} parts)`,
          value: `${(run.maxRss / MiB).toFixed(1)} MiB`,
          detail: `after imports ${(run.baselineRss / MiB).toFixed(1)} MiB; goal < 100 MiB: ${run.maxRss < 100 * MiB ? 'met' : 'NOT met'}`,
        },
        {
          measure: `  bare node:http to nowhere, ${size} GiB (floor)`,
          value: `${(bare.maxRss / MiB).toFixed(1)} MiB`,
          detail: `after imports ${(bare.baselineRss / MiB).toFixed(1)} MiB: the runtime's own peak`,
        },
      );
    } finally {
      await s.sb.close();
    }
  }
  const spread = Math.max(...peaks) - Math.min(...peaks);
  rows.push({
    measure: '  peak RSS spread over the sizes',
    value: `${(spread / MiB).toFixed(1)} MiB`,
    detail: `flat if within 10 MiB: ${spread <= 10 * MiB ? 'met' : 'NOT met'}`,
  });
  return { rows, notes: [] };
}
