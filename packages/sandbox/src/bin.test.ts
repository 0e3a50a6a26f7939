import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('./bin.ts', import.meta.url));

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', bin, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function readyLine(
  child: ChildProcess,
): Promise<{ apiUrl: string; token: string; readOnlyToken: string }> {
  let out = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    out += chunk.toString();
    const line = out.split('\n').find((l) => l.startsWith('C66_SANDBOX_READY '));
    if (line) return JSON.parse(line.slice('C66_SANDBOX_READY '.length));
  }
  throw new Error(`no ready line; output: ${out}`);
}

describe('c66-sandbox bin', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints a ready line, serves the API, and stops cleanly on SIGTERM', async () => {
    child = start(['--port', '0', '--backups', '45', '--fault', 'stacks.get:status:status=500']);
    const ready = await readyLine(child);
    expect(ready.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/3$/);
    const headers = { Authorization: `Bearer ${ready.token}` };
    const stacks = await (
      await fetch(`${ready.apiUrl}/stacks?filter_name=bulk`, { headers })
    ).json();
    const bulk = stacks.response[0];
    const backups = await (
      await fetch(`${ready.apiUrl}/stacks/${bulk.uid}/backups`, { headers })
    ).json();
    expect(backups.count).toBe(45);
    expect((await fetch(`${ready.apiUrl}/stacks/${bulk.uid}`, { headers })).status).toBe(500);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('refuses bad flags with exit code 2 and a specific message', async () => {
    child = start(['--split-threshold', 'huge']);
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(err).toContain('split-threshold: "huge"');
  });
});
