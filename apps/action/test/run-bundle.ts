import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The committed bundle, run as the runner runs it (action.yml's `runs.main`). */
export const BUNDLE = join(import.meta.dirname, '..', 'dist', 'index.js');
/** The check action's entry in the same bundle (check/action.yml's `runs.main`). */
export const CHECK_BUNDLE = join(import.meta.dirname, '..', 'dist', 'check.js');

/** Node 24 (GitHub's runtime for the action) when C66_NODE24 points at one, else this Node. */
export const NODE = process.env.C66_NODE24 || process.execPath;

export function nodeVersion(): string {
  return spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

export interface BundleRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: string;
  /** Milliseconds from the cancel signal to the process exit, when one was sent. */
  exitAfterSignalMs?: number;
}

export interface RunOptions {
  /** Inputs by their action.yml name; passed as `INPUT_<NAME>` with hyphens kept. */
  inputs: Record<string, string>;
  /** Sends SIGINT once stdout contains this text. */
  interruptWhen?: string;
  /** Kills the process after this long (a hung action fails the test, never the suite). */
  killAfterMs?: number;
  /** The entry to run (default {@link BUNDLE}). */
  entry?: string;
}

/** Runs `node dist/index.js` with the runner's protocol: INPUT_* env vars and command files. */
export async function runBundle(options: RunOptions): Promise<BundleRun> {
  const dir = await mkdtemp(join(tmpdir(), 'c66-action-e2e-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_STATE: join(dir, 'state'),
  };
  try {
    for (const file of Object.values(files)) await writeFile(file, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      ...files,
      RUNNER_TEMP: dir,
    };
    for (const [name, value] of Object.entries(options.inputs)) {
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    }
    const child = spawn(NODE, [options.entry ?? BUNDLE], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let signalledAt: number | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (
        options.interruptWhen &&
        signalledAt === undefined &&
        stdout.includes(options.interruptWhen)
      ) {
        signalledAt = performance.now();
        child.kill('SIGINT');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 25_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    );
    const exitedAt = performance.now();
    clearTimeout(killer);
    const run: BundleRun = {
      code,
      signal,
      stdout,
      stderr,
      outputs: parseCommandFile(await readFile(files.GITHUB_OUTPUT, 'utf8')),
      summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
      state: await readFile(files.GITHUB_STATE, 'utf8'),
    };
    if (signalledAt !== undefined) run.exitAfterSignalMs = exitedAt - signalledAt;
    return run;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Parses a GITHUB_OUTPUT-style file: `name<<DELIM\nvalue\nDELIM` blocks (or `name=value`). */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc?.[1] && heredoc[2]) {
      const end = lines.indexOf(heredoc[2], i + 1);
      if (end === -1) throw new Error(`unterminated value for ${heredoc[1]} in command file`);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}
