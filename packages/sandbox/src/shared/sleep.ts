/** Waits `ms` (at once for 0 or less: no timer tick for a latency that is off). */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
