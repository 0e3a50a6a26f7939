import type { CliDeps } from '../deps.js';
import { toJson } from './to-json.js';

/**
 * Where a command's output goes: results on stdout (human text, or JSON with `--json`),
 * progress and notes on stderr so `--json` stdout stays machine-readable.
 */
export class Output {
  constructor(
    private readonly deps: Pick<CliDeps, 'stdout' | 'stderr'>,
    readonly json: boolean,
  ) {}

  /** A line of the human-readable result (stdout). */
  line(text = ''): void {
    this.deps.stdout.write(`${text}\n`);
  }

  /** One JSON document, or one line of a JSON-lines list (stdout). */
  jsonLine(value: unknown): void {
    this.deps.stdout.write(`${JSON.stringify(toJson(value))}\n`);
  }

  /** Progress and notes (stderr), in both modes. */
  note(text: string): void {
    this.deps.stderr.write(`${text}\n`);
  }
}
