// The core as a user gets it: its tarball installed (offline, dependencies from
// dependency-tarballs) into an empty ESM project that imports it and an empty CommonJS
// project that requires it; each lists the sandbox's stacks through the installed copy.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exec, npm } from './exec.mjs';

const program = (load) => `${load}
const client = core.createClient({ token: process.env.SB_TOKEN, baseUrl: process.env.SB_URL });
(async () => {
  let count = 0;
  for await (const stack of client.stacks.list()) count += stack.uid ? 1 : 0;
  const where = ${load.startsWith('import') ? 'import.meta.resolve' : 'require.resolve'}('@c66-backup/core');
  console.log(JSON.stringify({ count, where, exports: Object.keys(core).length }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

const KINDS = {
  esm: { type: 'module', file: 'main.mjs', load: "import * as core from '@c66-backup/core';" },
  cjs: { type: 'commonjs', file: 'main.cjs', load: "const core = require('@c66-backup/core');" },
};

/** Installs `tarballs` into a new `kind` project under `work` and runs it against `sb`. */
export async function consumeCore(kind, { work, tarballs, sb }) {
  const { type, file, load } = KINDS[kind];
  const dir = join(work, `${kind}-consumer`);
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: `${kind}-consumer`, private: true, type }),
  );
  await npm(['install', '--offline', '--ignore-scripts', '--no-package-lock', ...tarballs], {
    cwd: dir,
  });
  await writeFile(join(dir, file), program(load));
  const { stdout } = await exec(process.execPath, [file], {
    cwd: dir,
    env: { SB_URL: sb.apiUrl, SB_TOKEN: sb.token },
  });
  const result = JSON.parse(stdout);
  const problems = [];
  if (result.count !== sb.stacks().length)
    problems.push(`${kind}: listed ${result.count} stacks, the sandbox has ${sb.stacks().length}`);
  if (!result.where.includes(`${dir}/node_modules/@c66-backup/core/`))
    problems.push(`${kind}: resolved ${result.where}, not the installed tarball`);
  return { problems, result };
}
