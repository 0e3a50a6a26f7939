import { execFile } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '../test/run-cli.js';

// What the built CLI loads to start (bench/cli-start-up measures the time; this pins the
// cause). Copies of the bundle with chunks taken away fail to start if a command reaches
// for one of them: --version answers from the entry alone, and the program's help without
// the core, zod or ky (chunks of the unminified bundle name their sources in comments).
let dir: string;
const entryOnly = () => join(dir, 'entry-only', 'c66-backup.js');
const withoutCore = () => join(dir, 'without-core', 'c66-backup.js');
const CORE_OR_LIBRARIES = /packages\/core\/dist\/|node_modules\/(zod|ky)\//;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c66-cli-entry-'));
  await cp(dirname(cliPath), join(dir, 'without-core'), { recursive: true });
  const chunks = join(dir, 'without-core', 'chunks');
  for (const name of await readdir(chunks)) {
    if (!name.endsWith('.js')) continue;
    if (CORE_OR_LIBRARIES.test(await readFile(join(chunks, name), 'utf8'))) {
      await rm(join(chunks, name));
    }
  }
  await mkdir(dirname(entryOnly()));
  await copyFile(cliPath, entryOnly());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const run = (script: string, args: string[]) =>
  promisify(execFile)(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
const missingModule = /Cannot find module|ERR_MODULE_NOT_FOUND/;

describe('the c66-backup entry', () => {
  it('answers --version and -V without loading any chunk', async () => {
    expect(await readdir(dirname(entryOnly()))).toEqual(['c66-backup.js']);
    for (const flag of ['--version', '-V']) {
      const alone = await run(entryOnly(), [flag]);
      const full = await run(cliPath, [flag]);
      expect(alone.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
      expect(alone.stdout).toBe(full.stdout);
      expect(alone.stderr).toBe('');
    }
    await expect(run(entryOnly(), ['--help'])).rejects.toThrow(missingModule);
  });

  it('prints the program help without the core, zod or ky; a command needs them', async () => {
    const full = await run(cliPath, ['--help']);
    expect(full.stdout).toContain('Usage: c66-backup');
    expect((await run(withoutCore(), ['--help'])).stdout).toBe(full.stdout);
    await expect(run(withoutCore(), ['stacks', '--help'])).rejects.toThrow(missingModule);
  });
});
