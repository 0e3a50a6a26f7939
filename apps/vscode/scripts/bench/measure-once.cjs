// One cold measurement in a fresh process: load the bundle, run activate() on a stub host.
// Prints JSON: { requireMs, activateMs, commands }. With --baseline it loads an empty module.
const { performance } = require('node:perf_hooks');
const { stubContext, registered } = require('./stub-host.cjs');

const target = process.argv[2];
const t0 = performance.now();
const extension = require(target);
const t1 = performance.now();
if (typeof extension.activate === 'function') {
  const context = stubContext();
  extension.activate(context);
  for (const d of context.subscriptions) d.dispose?.();
}
const t2 = performance.now();
process.stdout.write(
  JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, commands: registered.length }),
);
