type Engine = typeof import('./engine.js');

let loading: Promise<Engine> | undefined;

/**
 * The download engine, imported on first use: it is more than half of the core's code and
 * brings node:crypto, streams and file handles, and most processes that import the core (an
 * extension activating, the action, a CLI command that lists) never download; the first
 * download pays for it once.
 */
export function loadEngine(): Promise<Engine> {
  loading ??= import('./engine.js');
  return loading;
}
