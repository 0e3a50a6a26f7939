// `pnpm release:check`: builds nothing itself (run after `pnpm build`), then checks every
// artifact as its registry or its users would, offline: the repository identity; the core
// and CLI tarballs (contents, publint, attw); the CLI installed globally from its tarball and
// run against the sandbox; the core imported and required from empty projects; the .vsix;
// the action's committed bundle. Exits 1 listing every problem.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consumeCore } from './consume-core.mjs';
import { dependencyTarballs } from './dependency-tarballs.mjs';
import { exec } from './exec.mjs';
import { identityProblems } from './identity.mjs';
import { installCli } from './install-cli.mjs';
import { attwProblems, publintProblems } from './lint-package.mjs';
import { packAndUnpack } from './pack.mjs';
import { tarballProblems } from './tarball-problems.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { startSandbox } = await import(join(root, 'packages/sandbox/dist/index.js'));
const work = await mkdtemp(join(tmpdir(), 'c66-release-check-'));
const started = Date.now();
const problems = [];
async function step(name, run) {
  const t0 = Date.now();
  const found = (await run()) ?? [];
  problems.push(...found.map((problem) => `${name}: ${problem}`));
  console.log(
    `${found.length ? 'FAIL' : 'ok  '} ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`,
  );
}

const sb = await startSandbox({ port: 0 });
try {
  await step('repository identity', () => identityProblems(root));
  const core = await packAndUnpack(join(root, 'packages/core'), join(work, 'core'));
  const cli = await packAndUnpack(join(root, 'apps/cli'), join(work, 'cli'));
  await step('core tarball contents', async () => (await tarballProblems(core.dir)).problems);
  await step('cli tarball contents', async () => {
    const files = ['dist/THIRD-PARTY-LICENSES.md'];
    const { problems: found, pkg } = await tarballProblems(cli.dir, { bin: 'c66-backup', files });
    const bundled = Object.keys(pkg.dependencies ?? {});
    if (bundled.length) found.push(`dependencies ${bundled} are bundled, so none should be listed`);
    return found;
  });
  for (const [name, packed, profile] of [
    ['core', core, 'esm-only'],
    ['cli', cli, 'esm-only'],
  ]) {
    const pkg = JSON.parse(await readFile(join(packed.dir, 'package.json'), 'utf8'));
    await step(`${name} publint`, () => publintProblems(packed.tarball, pkg));
    if (pkg.types)
      await step(`${name} attw (${profile})`, () => attwProblems(packed.tarball, profile));
  }
  const deps = await dependencyTarballs(join(root, 'packages/core'), join(work, 'deps'));
  for (const kind of ['esm', 'cjs']) {
    await step(
      `core ${kind === 'esm' ? 'imported from' : 'required from'} an empty ${kind} project`,
      async () =>
        (await consumeCore(kind, { work, tarballs: [core.tarball, ...deps], sb })).problems,
    );
  }
  const version = JSON.parse(await readFile(join(cli.dir, 'package.json'), 'utf8')).version;
  await step('cli installed with npm install -g, run against the sandbox', () =>
    installCli({ tarball: cli.tarball, version, work, sb }),
  );
  await step('vsix packaged without warnings, manifest checked', async () => {
    await exec('pnpm', ['--filter', 'c66-backup-vscode', 'check:vsix'], { cwd: root });
  });
  await step('action bundle committed and fresh', async () => {
    await exec('pnpm', ['--filter', '@c66-backup/action', 'check:dist'], { cwd: root });
  });
} catch (error) {
  problems.push(`release check stopped: ${error.stack ?? error}`);
} finally {
  await sb.close();
  await rm(work, { recursive: true, force: true });
}

console.log(`release check: ${((Date.now() - started) / 1000).toFixed(1)}s`);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('release check: every artifact is ready to publish');
