import { formatDuration, redactText } from '@c66-backup/core';
import type { Toolkit } from './toolkit.js';

export interface LogOptions {
  /** Milliseconds since some origin (Date.now in production, a fake clock in tests). */
  now: () => number;
  /** At most one heartbeat line per this many milliseconds of waiting (default 60 s). */
  heartbeatMs?: number;
}

/**
 * The action's log: one line per state change, a throttled heartbeat while waiting, and
 * collapsible groups. Every line goes through the core's redaction, so a token or a URL's
 * query string that slipped into a message is scrubbed before it reaches the runner.
 */
export class ActionLog {
  private readonly heartbeatMs: number;
  private lastHeartbeat = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly toolkit: Toolkit,
    private readonly options: LogOptions,
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 60_000;
  }

  info(message: string): void {
    this.toolkit.info(redactText(message));
  }

  warning(message: string): void {
    this.toolkit.warning(redactText(message));
  }

  error(message: string): void {
    this.toolkit.error(redactText(message));
  }

  /** Fails the step: an `::error::` annotation and exit code 1. */
  fail(message: string): void {
    this.toolkit.setFailed(redactText(message));
  }

  debug(message: string): void {
    this.toolkit.debug(redactText(message));
  }

  /** Runs `fn` inside a collapsible log group, closed even when `fn` throws. */
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.toolkit.startGroup(redactText(name));
    try {
      return await fn();
    } finally {
      this.toolkit.endGroup();
    }
  }

  /** Logs a heartbeat once `heartbeatMs` have passed since the start or the last heartbeat. */
  heartbeat(startedAt: number, describe: () => string): boolean {
    const now = this.options.now();
    if (now - Math.max(this.lastHeartbeat, startedAt) < this.heartbeatMs) return false;
    this.lastHeartbeat = now;
    this.info(`Still waiting (${formatDuration(now - startedAt)} elapsed): ${describe()}`);
    return true;
  }
}
