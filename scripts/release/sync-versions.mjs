// Run by `pnpm version-packages` after `changeset version`: the core states its version in
// code (its User-Agent, no package.json read at run time), so the bump is written there too.
import { readFileSync, writeFileSync } from 'node:fs';

const core = new URL('../../packages/core/', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', core), 'utf8'));
const file = new URL('src/version.ts', core);
const text = readFileSync(file, 'utf8');
const next = text.replace(
  /export const VERSION = '[^']*';/,
  `export const VERSION = '${version}';`,
);
if (!next.includes(`'${version}'`)) throw new Error(`no VERSION constant in ${file.pathname}`);
writeFileSync(file, next);
console.log(`packages/core/src/version.ts: VERSION = '${version}'`);
