import { spawn } from 'node:child_process';
import { startSandbox } from '@c66-backup/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, runCli, sandboxEnv } from '../../../../test/run-cli.js';
import { sha256 } from '../../../../test/sha256.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
const KB = 1024;

/** Runs the CLI with stdout kept as bytes (hashed), stderr as text. */
function runBinary(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  const stdout = sha256(child.stdout);
  const code = new Promise<number | null>((resolve) => child.on('close', resolve));
  return (async () => ({ stdout: await stdout, code: await code, stderr }))();
}

describe('c66-backup backups download -o -', () => {
  let sb: Sandbox;
  let stackUid: string;
  let backupId: number;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, splitThresholdBytes: 256 * KB });
    stackUid = sb.createStack({ name: 'pipe', dbTypes: ['postgresql'], backups: 0 }).uid;
    backupId = sb.addBackups(stackUid, { dbType: 'postgresql', sizeBytes: 900 * KB })[0]?.id ?? 0;
  });
  afterAll(() => sb.close());
  afterEach(() => sb.faults.clear());

  it('writes the joined backup to stdout in order, progress and checks on stderr', async () => {
    const result = await runBinary(
      ['backups', 'download', '--stack', stackUid, '--latest', '-o', '-', '--connections', '3'],
      sandboxEnv(sb),
    );
    expect(result.stderr).not.toMatch(/^error:/m);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(await sha256(sb.expectedBackupContent(stackUid, backupId)));
    expect(result.stderr).toMatch(
      /streamed .* \(921600 bytes, checked size, MD5, backup_size\) to stdout/,
    );
  });

  it('exits non-zero saying the bytes already written cannot be taken back', async () => {
    sb.faults.inject({
      route: 'download',
      kind: 'reset',
      afterBytes: 0,
      times: 100,
      match: { fileId: 'tar-ad' },
    });
    const result = await runBinary(
      ['backups', 'download', '--stack', stackUid, '--id', String(backupId), '-o', '-', '-c', '1'],
      sandboxEnv(sb),
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(
      /^error: the download failed after \d+ bytes were written to stdout .*cannot be taken back/m,
    );
  });

  it('refuses --json with -o -, and a connection count that is not a number', async () => {
    const json = await runCli(
      ['backups', 'download', '--stack', stackUid, '--latest', '-o', '-', '--json'],
      {
        env: sandboxEnv(sb),
      },
    );
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/no --json/);
    const bad = await runCli(
      ['backups', 'download', '--stack', stackUid, '--latest', '-c', 'many'],
      {
        env: sandboxEnv(sb),
      },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--connections/);
  });
});
