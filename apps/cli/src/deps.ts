import type { Writable } from 'node:stream';

/** A stream the CLI writes to; `isTTY` picks the progress style. */
export type OutputStream = Writable & { isTTY?: boolean; columns?: number };

/** Everything the CLI takes from the process, passed in so tests can substitute it. */
export interface CliDeps {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C (SIGINT) or SIGTERM: every request, wait and download stops. */
  signal: AbortSignal;
  /** Milliseconds since the epoch. */
  now: () => number;
  readFile: (path: string) => Promise<string>;
  /** All of standard input as text (for `--token-file -`); rejects when it is a terminal. */
  readStdin: () => Promise<string>;
  cwd: string;
}
