import type { SummaryCell, SummaryWriter, Toolkit } from '../src/toolkit.js';

export interface Call {
  fn: string;
  args: unknown[];
}

/** A Toolkit that records every call in order, for assertions on outputs, logs and summary. */
export class RecordingToolkit implements Toolkit {
  readonly calls: Call[] = [];
  readonly outputs: Record<string, string> = {};
  readonly summary: RecordingSummary;

  constructor() {
    this.summary = new RecordingSummary(this.calls);
  }

  private record(fn: string, ...args: unknown[]): void {
    this.calls.push({ fn, args });
  }

  setSecret(value: string): void {
    this.record('setSecret', value);
  }
  setOutput(name: string, value: string): void {
    this.record('setOutput', name, value);
    this.outputs[name] = value;
  }
  setFailed(message: string): void {
    this.record('setFailed', message);
  }
  info(message: string): void {
    this.record('info', message);
  }
  warning(message: string): void {
    this.record('warning', message);
  }
  error(message: string): void {
    this.record('error', message);
  }
  debug(message: string): void {
    this.record('debug', message);
  }
  startGroup(name: string): void {
    this.record('startGroup', name);
  }
  endGroup(): void {
    this.record('endGroup');
  }

  /** Messages of one kind of call, in order. */
  messages(fn: string): string[] {
    return this.calls.filter((c) => c.fn === fn).map((c) => String(c.args[0]));
  }

  /** Everything recorded, as one string (for "never contains the token" checks). */
  everything(): string {
    return JSON.stringify(this.calls);
  }
}

export class RecordingSummary implements SummaryWriter {
  headings: string[] = [];
  tables: SummaryCell[][][] = [];
  raw: string[] = [];
  written = 0;

  constructor(private readonly calls: Call[]) {}

  addHeading(text: string): this {
    this.headings.push(text);
    this.calls.push({ fn: 'summary.addHeading', args: [text] });
    return this;
  }
  addTable(rows: SummaryCell[][]): this {
    this.tables.push(rows);
    this.calls.push({ fn: 'summary.addTable', args: [rows] });
    return this;
  }
  addRaw(text: string): this {
    this.raw.push(text);
    this.calls.push({ fn: 'summary.addRaw', args: [text] });
    return this;
  }
  async write(): Promise<this> {
    this.written++;
    this.calls.push({ fn: 'summary.write', args: [] });
    return this;
  }
}
