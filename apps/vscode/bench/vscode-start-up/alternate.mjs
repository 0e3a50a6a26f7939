// Fresh-process measurements of several targets, taken in turns (a, b, c, a, b, c, ...) so
// the machine's load falls on every series alike, summarised by their medians.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const measureOnce = fileURLToPath(new URL('measure-once.cjs', import.meta.url));

/** One cold run of `target` (a .js/.cjs file) in a new Node process. */
export function measure(target) {
  return JSON.parse(execFileSync(process.execPath, [measureOnce, target], { encoding: 'utf8' }));
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * @param {Record<string, string>} targets name -> file
 * @param {number} runs fresh processes per target
 * @returns {Record<string, { startMs: number, firstTreeMs: number, commands: number }>}
 *   medians of require + activate and of the first tree request, per target
 */
export function alternate(targets, runs) {
  const results = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, file] of Object.entries(targets)) results[name].push(measure(file));
  }
  return Object.fromEntries(
    Object.entries(results).map(([name, rs]) => [
      name,
      {
        startMs: median(rs.map((r) => r.requireMs + r.activateMs)),
        firstTreeMs: median(rs.map((r) => r.firstTreeMs)),
        commands: rs[0].commands,
      },
    ]),
  );
}
