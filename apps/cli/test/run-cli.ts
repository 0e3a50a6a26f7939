import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built CLI: tests run it as users do, as a separate Node process. */
export const cliPath = fileURLToPath(new URL('../dist/c66-backup.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The whole environment of the child (nothing is inherited but PATH). */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Written to the child's standard input, which is then closed (else stdin is /dev/null). */
  input?: string;
}

/** Starts the CLI; `done` resolves when it exits. Output is collected as it arrives. */
export function startCli(args: readonly string[], options: CliOptions = {}) {
  if (!existsSync(cliPath)) {
    throw new Error(
      `${cliPath} is missing: run \`pnpm turbo run build --filter=@c66-backup/cli...\` first`,
    );
  }
  const child: ChildProcess = spawn(process.execPath, [cliPath, ...args], {
    env: { PATH: process.env.PATH, ...options.env },
    cwd: options.cwd,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (options.input !== undefined) child.stdin?.end(options.input);
  const result: CliResult = { code: null, signal: null, stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    result.stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    result.stderr += chunk;
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      result.code = code;
      result.signal = signal;
      resolve(result);
    });
  });
  return { child, result, done };
}

/** Runs the CLI to completion. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

/**
 * Resolves once `predicate` holds, checking every 10 ms; rejects after `timeoutMs`. The
 * default is only a give-up bound, just under the 30 s test timeout: a CLI child starting
 * on a loaded 2-core CI machine can take several seconds before its first request.
 */
export async function until(
  predicate: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 25_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Parses JSON lines output, failing the test with the offending line. */
export function jsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new Error(`not a JSON line: ${line}`);
      }
    });
}

/** The environment pointing the CLI at a sandbox with `token`. */
export function sandboxEnv(sb: { apiUrl: string; token: string }, token = sb.token) {
  return { C66_API_URL: sb.apiUrl, C66_TOKEN: token };
}

/** Fails if any secret appears in the CLI's output. */
export function expectNoSecrets(result: CliResult, secrets: readonly string[]): void {
  const all = `${result.stdout}\n${result.stderr}`;
  for (const secret of secrets) {
    if (all.includes(secret)) throw new Error('a secret appeared in the CLI output');
  }
  for (const marker of ['Signature=', 'AWSAccessKeyId', 'Bearer ']) {
    if (all.includes(marker)) throw new Error(`'${marker}' appeared in the CLI output`);
  }
}

/** What a missing field must never print as (issue: show a dash or leave it out). */
const FILLERS = /\bundefined\b|\bnull\b|\bNaN\b|Invalid Date/;

/** Fails if the CLI printed a placeholder for a field the server did not send. */
export function expectNoFillers(result: CliResult): void {
  for (const [stream, text] of [
    ['stdout', result.stdout],
    ['stderr', result.stderr],
  ] as const) {
    const line = text.split('\n').find((l) => FILLERS.test(l));
    if (line !== undefined) throw new Error(`${stream} shows a missing field as: ${line}`);
  }
}
