import { CallbackError } from '../errors/index.js';

/** What `onProgress` receives. */
export interface DownloadProgress {
  /** Bytes written so far, all parts together. */
  bytes: number;
  /** Size of the whole download, or null while unknown. */
  totalBytes: number | null;
  /** The part being downloaded, 1-based. */
  part: number;
  parts: number;
  /** Connections to the file host in use (fewer than asked after the host throttled). */
  connections: number;
  /** Recent throughput (over the last few seconds). */
  bytesPerSecond: number;
  /** Seconds left at the recent throughput, or null while unknown. */
  etaSeconds: number | null;
}

export type ProgressListener = (progress: DownloadProgress) => void;

export interface ProgressReporterOptions {
  parts: number;
  totalBytes: number | null;
  now: () => number;
  /** Minimum time between two callbacks (default 100 ms: at most ten a second). */
  intervalMs?: number;
  /** Throughput is measured over this window (default 3 s). */
  windowMs?: number;
  /** Connections in use at the start (default 1). */
  connections?: number;
  /** Bytes already there when the download starts (a resumed `.part`); not throughput. */
  initialBytes?: number;
}

/** Throttles progress callbacks and derives throughput and ETA from a sliding window. */
export class ProgressReporter {
  private bytes = 0;
  private part = 1;
  private connections: number;
  private totalBytes: number | null;
  private lastEmit = Number.NEGATIVE_INFINITY;
  private readonly samples: { at: number; bytes: number }[] = [];
  private readonly intervalMs: number;
  private readonly windowMs: number;

  constructor(
    private readonly listener: ProgressListener | undefined,
    private readonly options: ProgressReporterOptions,
  ) {
    this.totalBytes = options.totalBytes;
    this.intervalMs = options.intervalMs ?? 100;
    this.windowMs = options.windowMs ?? 3000;
    this.bytes = options.initialBytes ?? 0;
    this.connections = options.connections ?? 1;
    this.samples.push({ at: options.now(), bytes: this.bytes });
  }

  setTotal(totalBytes: number | null): void {
    this.totalBytes = totalBytes;
  }

  setPart(part: number): void {
    this.part = part;
  }

  setConnections(connections: number): void {
    this.connections = connections;
  }

  /** Counts bytes written (negative when a part restarts) and reports if the interval allows. */
  add(bytes: number): void {
    this.bytes += bytes;
    if (!this.listener) return;
    const now = this.options.now();
    if (now - this.lastEmit >= this.intervalMs) this.emit(now);
  }

  /** The last callback, always sent, with the final numbers. */
  finish(): void {
    if (this.listener) this.emit(this.options.now());
  }

  private emit(now: number): void {
    this.lastEmit = now;
    this.samples.push({ at: now, bytes: this.bytes });
    while (this.samples.length > 2 && now - (this.samples[1]?.at ?? now) >= this.windowMs) {
      this.samples.shift();
    }
    const oldest = this.samples[0] ?? { at: now, bytes: 0 };
    const elapsedMs = now - oldest.at;
    const bytesPerSecond = elapsedMs > 0 ? ((this.bytes - oldest.bytes) * 1000) / elapsedMs : 0;
    const left = this.totalBytes === null ? null : Math.max(0, this.totalBytes - this.bytes);
    const etaSeconds =
      left === null ? null : left === 0 ? 0 : bytesPerSecond > 0 ? left / bytesPerSecond : null;
    const progress: DownloadProgress = {
      bytes: this.bytes,
      totalBytes: this.totalBytes,
      part: this.part,
      parts: this.options.parts,
      connections: this.connections,
      bytesPerSecond: Math.max(0, Math.round(bytesPerSecond)),
      etaSeconds: etaSeconds === null ? null : Math.ceil(etaSeconds),
    };
    try {
      this.listener?.(progress);
    } catch (error) {
      // Thrown from deep inside the write path, it must not pass for a network failure.
      throw new CallbackError('the onProgress callback threw', { cause: error });
    }
  }
}
