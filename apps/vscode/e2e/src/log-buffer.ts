import { appendFileSync, writeFileSync } from 'node:fs';

/** Keeps a process's output in a file and its last lines in memory, for failure reports. */
export class LogBuffer {
  readonly #lines: string[] = [];
  #partial = '';

  constructor(
    readonly file: string,
    private readonly keep = 400,
  ) {
    writeFileSync(file, '');
  }

  write(chunk: Buffer | string): void {
    const text = chunk.toString();
    appendFileSync(this.file, text);
    const lines = (this.#partial + text).split('\n');
    this.#partial = lines.pop() ?? '';
    this.#lines.push(...lines);
    if (this.#lines.length > this.keep) this.#lines.splice(0, this.#lines.length - this.keep);
  }

  tail(count = 60): string {
    const all = this.#partial ? [...this.#lines, this.#partial] : this.#lines;
    return all.slice(-count).join('\n');
  }
}
