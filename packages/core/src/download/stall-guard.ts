/**
 * Fires `onStall` once when `touch()` has not been called for `timeoutMs`.
 * Neither node:http nor ky bound the time between two body chunks, so a silent
 * connection would otherwise hang a download forever.
 */
export class StallGuard {
  private readonly timer: NodeJS.Timeout;
  private stopped = false;

  constructor(timeoutMs: number, onStall: () => void) {
    this.timer = setTimeout(() => {
      if (!this.stopped) onStall();
    }, timeoutMs);
    this.timer.unref();
  }

  /** Bytes arrived: restart the countdown (cheap: re-arms the same timer). */
  touch(): void {
    if (!this.stopped) this.timer.refresh();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
