// The built programs the demo runs: it builds nothing (`pnpm demo` builds first).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DemoError } from './demo-error.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const bins = {
  sandbox: path.join(root, 'packages/sandbox/dist/bin.js'),
  action: path.join(root, 'apps/action/dist/index.js'),
  cli: path.join(root, 'apps/cli/dist/c66-backup.js'),
  core: path.join(root, 'packages/core/dist/index.js'),
};

/** Throws a DemoError naming what is missing when a program is not built yet. */
export function checkBuilt() {
  const missing = Object.values(bins).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new DemoError(
      `not built yet: ${missing.map((f) => path.relative(root, f)).join(', ')} missing.\n` +
        '  Run `pnpm install && pnpm build` first, then `pnpm demo`.',
    );
  }
}
