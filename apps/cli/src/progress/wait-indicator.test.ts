import { describe, expect, it } from 'vitest';
import { captureStream } from '../../test/capture-stream.js';
import { createWaitIndicator } from './wait-indicator.js';

const capture = (isTTY: boolean) => captureStream({ isTTY });

describe('createWaitIndicator', () => {
  it('off a terminal: a line at the start, then at most one per interval, naming what is missing', () => {
    let now = 0;
    const out = capture(false);
    const indicator = createWaitIndicator(out.stream, {
      now: () => now,
      dbTypes: ['mysql', 'redis'],
      stackName: 'shop',
      timeoutMs: 1_800_000,
      intervalMs: 30_000,
    });
    const dbTypes = ['mysql', 'redis'];
    now = 10_000;
    indicator.update({ dbTypes, missing: ['mysql', 'redis'] });
    now = 31_000;
    indicator.update({ dbTypes, missing: ['redis'] });
    now = 40_000;
    indicator.update({ dbTypes, missing: ['redis'] });
    indicator.stop();
    expect(out.text().trimEnd().split('\n')).toEqual([
      'waiting for the new mysql, redis backup of shop: 0s of 30m 00s',
      'waiting for the new mysql, redis backup of shop: 31s of 30m 00s, still missing redis',
    ]);
  });

  it("says 'all databases' until the first poll tells which db types 'all' means", () => {
    let now = 0;
    const out = capture(false);
    const indicator = createWaitIndicator(out.stream, {
      now: () => now,
      dbTypes: 'all',
      stackName: 'shop',
      timeoutMs: 60_000,
      intervalMs: 5000,
    });
    now = 6000;
    indicator.update({ dbTypes: ['mysql', 'redis'], missing: ['mysql'] });
    expect(out.text().trimEnd().split('\n')).toEqual([
      'waiting for the new backups (all databases) of shop: 0s of 1m 00s',
      'waiting for the new mysql, redis backup of shop: 6s of 1m 00s, still missing mysql',
    ]);
  });

  it('on a terminal: a spinner with the same text, cleared by stop()', () => {
    const out = capture(true);
    const indicator = createWaitIndicator(out.stream, {
      now: () => 0,
      dbTypes: ['postgresql'],
      stackName: 'blog',
      timeoutMs: 60_000,
    });
    indicator.stop();
    expect(out.text()).toContain('waiting for the new postgresql backup of blog: 0s of 1m 00s');
  });
});
