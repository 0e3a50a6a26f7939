// One cold measurement in a fresh process: require the bundle, run activate() on a stub
// host, then ask the view for its first children (what VS Code does once the view shows).
// Prints JSON: { requireMs, activateMs, firstTreeMs, commands, loaded: { activated, tree } },
// `loaded` naming the files in require's cache after each step (this folder's left out).
// A module without `activate` (the empty baseline) is only required.
const { performance } = require('node:perf_hooks');
const { stubContext, registered, views } = require('./stub-host.cjs');

const loadedFiles = () => Object.keys(require.cache).filter((f) => !f.startsWith(__dirname));

async function main() {
  const target = process.argv[2];
  const t0 = performance.now();
  const extension = require(target);
  const t1 = performance.now();
  if (typeof extension.activate !== 'function') {
    return { requireMs: t1 - t0, activateMs: 0, firstTreeMs: 0, commands: 0, loaded: {} };
  }
  const context = stubContext();
  extension.activate(context);
  const t2 = performance.now();
  const activated = loadedFiles();
  await views[0]?.provider.getChildren();
  const t3 = performance.now();
  const tree = loadedFiles();
  for (const d of context.subscriptions) d.dispose?.();
  return {
    requireMs: t1 - t0,
    activateMs: t2 - t1,
    firstTreeMs: t3 - t2,
    commands: registered.length,
    loaded: { activated, tree },
  };
}

main().then(
  (result) => process.stdout.write(JSON.stringify(result)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
