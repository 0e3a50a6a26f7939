import type { PartialRecord } from './partial-record.js';

/** Positional writes, as `FileHandle` does them (and the ordered stream of `streamBackup`). */
export interface PositionalWriter {
  writev(buffers: Buffer[], position: number): Promise<{ bytesWritten: number }>;
  write(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesWritten: number }>;
}

/** Where a part's bytes go: the `.part` file (`AtomicFile`) or an ordered stream. */
export interface WriteTarget {
  /** Named in errors. */
  readonly target: string;
  readonly handle: PositionalWriter;
  /** Drops everything from `length` on (a part restarting from its first byte). */
  truncate(length: number): Promise<void>;
}

/** A write target the parallel path fills and then completes or gives up. */
export interface JoinTarget extends WriteTarget {
  flushInBackground(): void;
  /** All `bytes` are there: make them the result. */
  commit(bytes: number): Promise<void>;
  discard(keep: boolean, record?: PartialRecord): Promise<void>;
}
