import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '../test/run-cli.js';

// The --version fast path (bench/cli-start-up measures its time; this pins the cause): the
// built entry answers alone. A copy of the entry without its chunks beside it fails to
// start if --version reached for any of them (commander, the commands, the core).
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c66-cli-entry-'));
  await copyFile(cliPath, join(dir, 'c66-backup.js'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const run = (script: string, args: string[]) =>
  promisify(execFile)(process.execPath, [script, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });

describe('the c66-backup entry', () => {
  it('answers --version and -V without loading any chunk', async () => {
    expect(await readdir(dir)).toEqual(['c66-backup.js']);
    for (const flag of ['--version', '-V']) {
      const alone = await run(join(dir, 'c66-backup.js'), [flag]);
      const full = await run(cliPath, [flag]);
      expect(alone.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
      expect(alone.stdout).toBe(full.stdout);
      expect(alone.stderr).toBe('');
    }
  });

  it('needs its chunks for everything else (the copy without them cannot print help)', async () => {
    await expect(run(join(dir, 'c66-backup.js'), ['--help'])).rejects.toThrow(
      /Cannot find module|ERR_MODULE_NOT_FOUND/,
    );
    expect((await run(cliPath, ['--help'])).stdout).toContain('Usage: c66-backup');
  });
});
