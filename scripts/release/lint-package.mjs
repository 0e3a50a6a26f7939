// The registry-side linters, offline: publint (package.json against the files shipped) and
// Are the Types Wrong (TypeScript's view of the exports under each module resolution).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { exec } from './exec.mjs';

const attw = fileURLToPath(
  new URL('../../node_modules/@arethetypeswrong/cli/dist/index.js', import.meta.url),
);

/** publint's messages at every level (suggestions too), strict, on the packed tarball. */
export async function publintProblems(tarball, pkg) {
  const buffer = await readFile(tarball);
  const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  const { messages } = await publint({
    pack: { tarball: bytes },
    level: 'suggestion',
    strict: true,
  });
  return messages.map((message) => `publint ${message.type}: ${formatMessage(message, pkg)}`);
}

/**
 * attw on the tarball. The core is ESM-only by design (Node 20.19+/22.12+ require() it), so
 * the profile is `esm-only`: CommonJS-under-node16 resolution to ESM is expected, nothing else.
 */
export async function attwProblems(tarball, profile) {
  try {
    await exec(process.execPath, [
      attw,
      tarball,
      '--profile',
      profile,
      '--format',
      'ascii',
      '--no-definitely-typed',
      '--no-color',
      '--no-emoji',
    ]);
    return [];
  } catch (error) {
    return [`attw: ${error.message}`];
  }
}
