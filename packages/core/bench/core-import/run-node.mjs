// One fresh Node process per measurement, and the median of several.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

// Each child reports the CPU time it used (user + system) when done: on a shared, busy
// machine wall time swings with other processes, CPU time much less.
const report =
  'process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write(String((u.user+u.system)/1000))})';

/** Runs `node -e script` in `cwd` (so the package's own name resolves): wall ms spawn to exit, CPU ms. */
export function runNode(script, cwd) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['-e', `${report};${script}`], {
    cwd,
    encoding: 'utf8',
  });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`node -e ${script} failed: ${result.stderr}`);
  return { wall, cpu: Number(result.stderr) };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
