import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Toolchain } from './environment.js';
import { freePort } from './free-port.js';
import { LogBuffer } from './log-buffer.js';
import { waitFor } from './wait-for.js';

const run = promisify(execFile);

export interface CodeServerOptions {
  tools: Toolchain;
  vsix: string;
  /** User settings (written to `User/settings.json` before launch). */
  settings: Record<string, unknown>;
  /** code-server's output goes to this file. */
  logFile: string;
}

export interface CodeServer {
  /** `http://127.0.0.1:PORT/?folder=...`: the workbench with the workspace open. */
  workbenchUrl: string;
  /** An empty folder opened as the workspace (downloads go under it). */
  workspace: string;
  /** Where VS Code keeps its logs (the extension host's, the output channels'). */
  logsDir: string;
  logTail(lines?: number): string;
  close(): Promise<void>;
}

/**
 * A fresh code-server on 127.0.0.1 with the .vsix installed into a new extensions dir,
 * flags as in shared/recipes/real-vscode.md. Resolves once it answers /healthz.
 */
export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const root = mkdtempSync(join(tmpdir(), 'c66-e2e-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const workspace = join(root, 'workspace');
  for (const dir of [join(userDataDir, 'User'), extensionsDir, workspace]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(opts.settings, null, 2));

  const { node24, codeServerEntry } = opts.tools;
  const env = {
    ...process.env,
    PATH: `${join(node24, '..')}:${process.env.PATH ?? ''}`,
    // A gallery on a closed loopback port: the workbench never reaches for the internet.
    EXTENSIONS_GALLERY: JSON.stringify({
      serviceUrl: 'http://127.0.0.1:9/gallery',
      itemUrl: 'http://127.0.0.1:9/items',
    }),
  };
  // --config too: otherwise code-server writes a default one into the home directory.
  const dirs = [
    '--config',
    join(root, 'config.yaml'),
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  const installed = await run(
    node24,
    [codeServerEntry, ...dirs, '--install-extension', opts.vsix, '--force'],
    { env, timeout: 120_000 },
  );
  if (!/successfully installed/i.test(installed.stdout + installed.stderr)) {
    throw new Error(`installing the .vsix failed:\n${installed.stdout}\n${installed.stderr}`);
  }

  const port = await freePort();
  const log = new LogBuffer(opts.logFile);
  const child = spawn(
    node24,
    [
      codeServerEntry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      ...dirs,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      workspace,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk) => log.write(chunk));
  child.stderr?.on('data', (chunk) => log.write(chunk));

  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      'code-server to answer /healthz',
      async () => {
        if (child.exitCode !== null) return true;
        const res = await fetch(`${base}/healthz`).catch(() => undefined);
        return res?.ok === true;
      },
      { timeoutMs: 60_000 },
    );
    if (child.exitCode !== null) {
      throw new Error(`code-server exited (${child.exitCode}):\n${log.tail()}`);
    }
  } catch (error) {
    await stop(child);
    throw error;
  }

  return {
    workbenchUrl: `${base}/?folder=${encodeURIComponent(workspace)}`,
    workspace,
    logsDir: join(userDataDir, 'logs'),
    logTail: (lines) => log.tail(lines),
    async close() {
      await stop(child);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Ends code-server and the processes it started (its own process group). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
