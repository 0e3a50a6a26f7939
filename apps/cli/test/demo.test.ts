import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '@c66-backup/sandbox';
import { describe, expect, it } from 'vitest';

const demo = fileURLToPath(new URL('../../../scripts/demo/main.mjs', import.meta.url));

function runDemo(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [demo], {
      // The demo's sandbox (its bin) reads the profile this test project runs.
      env: { PATH: process.env.PATH, C66_SANDBOX_PROFILE: process.env.C66_SANDBOX_PROFILE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('pnpm demo (scripts/demo/main.mjs)', () => {
  it('backs up with the action bundle, reuses that backup on a second run, downloads that backup with the CLI, and exits 0', async () => {
    // The demo's sandbox uses the default seed, so its token is this one's.
    const sameSeed = await startSandbox({ port: 0 });
    const token = sameSeed.token;
    await sameSeed.close();

    const { code, output } = await runDemo();
    expect(output).not.toContain('demo failed');
    expect(code).toBe(0);
    const id = /backup-id = (\d+)/.exec(output)?.[1];
    expect(id).toBeDefined();
    expect(output).toContain(`--id ${id}`);
    // The second action run reused that backup instead of creating another.
    expect(output).toMatch(
      new RegExp(`reusing backup ${id} \\(ok, .+\\), started \\d+s ago \\(within 6h 00m\\)`),
    );
    expect(output).toContain('reused = true');
    expect(output).toMatch(
      new RegExp(
        `backup ${id} \\(postgresql, database \\S+\\): .+ \\(\\d+ bytes\\), checked size, md5, backup_size, joined from \\d+ parts`,
      ),
    );
    expect(output).not.toContain(token);
    expect(output).not.toContain('::add-mask::');
  }, 60_000);
});
