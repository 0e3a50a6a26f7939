// Where the built core is: the bench measures what ships (build first).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const distEntry = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'dist',
  'index.js',
);

export function assertBuilt() {
  if (existsSync(distEntry)) return;
  console.error(`No build at ${distEntry}: run \`pnpm bench download\` from the root (it builds).`);
  process.exit(1);
}
