import { describe, expect, it } from 'vitest';
import { api, downloadUrl, rawGet, readAll } from '../../../test/helpers.js';
import { parseCli } from '../../cli/cli-args.js';
import { parseSpeed } from '../../cli/cli-values.js';
import { startSandbox } from '../../server/start-sandbox.js';
import { NetworkModel, type NetworkSettings } from './network-model.js';

const MiB = 1024 * 1024;
const settings = (s: Partial<NetworkSettings>): NetworkSettings => ({
  connectionBytesPerSecond: 0,
  linkBytesPerSecond: 0,
  firstByteMs: 0,
  ...s,
});

/**
 * Runs `connections` senders on a virtual clock: each reserves `chunk` bytes, waits what
 * the model says, and asks again until it has sent `bytesEach`. Returns when each finished.
 */
function simulate(
  model: NetworkModel,
  clock: { t: number },
  connections: number,
  bytesEach: number,
  chunk = MiB,
) {
  const lanes = Array.from({ length: connections }, () => ({ key: {}, sent: 0, at: 0 }));
  const finished: number[] = [];
  for (;;) {
    const next = lanes.filter((l) => l.sent < bytesEach).sort((a, b) => a.at - b.at)[0];
    if (!next) break;
    clock.t = next.at;
    next.at += model.reserve(next.key, chunk);
    next.sent += chunk;
    if (next.sent >= bytesEach) finished.push(next.at);
  }
  return { finished, lanes };
}

describe('NetworkModel (token accounting on a virtual clock)', () => {
  it('holds one connection to its cap', () => {
    const clock = { t: 0 };
    const model = new NetworkModel(settings({ connectionBytesPerSecond: 32 * MiB }), () => clock.t);
    const { finished } = simulate(model, clock, 1, 64 * MiB);
    expect(finished[0]).toBeCloseTo(2000, 6); // 64 MiB at 32 MiB/s
    expect(model.totalBytes).toBe(64 * MiB);
  });

  it('lets N connections add up to N caps while the link has room', () => {
    const clock = { t: 0 };
    const model = new NetworkModel(
      settings({ connectionBytesPerSecond: 32 * MiB, linkBytesPerSecond: 400 * MiB }),
      () => clock.t,
    );
    const { finished } = simulate(model, clock, 8, 32 * MiB);
    // 8 x 32 = 256 MiB/s < 400: each connection still gets its full 32 MiB/s.
    for (const at of finished) expect(at).toBeCloseTo(1000, 6);
  });

  it('makes N connections share the link fairly once it is the bottleneck', () => {
    const clock = { t: 0 };
    const model = new NetworkModel(
      settings({ connectionBytesPerSecond: 32 * MiB, linkBytesPerSecond: 100 * MiB }),
      () => clock.t,
    );
    const { finished, lanes } = simulate(model, clock, 8, 50 * MiB);
    // 400 MiB over a 100 MiB/s link: 4 s in all, and nobody finishes far ahead of the others.
    expect(Math.max(...finished)).toBeCloseTo(4000, 6);
    expect(Math.min(...finished)).toBeGreaterThan(3900);
    for (const lane of lanes) expect(model.ledger(lane.key).bytes).toBe(50 * MiB);
  });

  it('does not bank idle time: a connection back from a pause gets no burst', () => {
    const clock = { t: 0 };
    const model = new NetworkModel(settings({ connectionBytesPerSecond: MiB }), () => clock.t);
    const key = {};
    expect(model.reserve(key, MiB)).toBeCloseTo(1000, 6);
    clock.t = 10_000; // long idle
    expect(model.reserve(key, MiB)).toBeCloseTo(1000, 6);
    // A timer that fired late is not a loss either: the next chunk starts from freeAt.
    clock.t = 10_500;
    expect(model.reserve(key, MiB)).toBeCloseTo(1500, 6);
  });

  it('is off unless a setting is on', () => {
    expect(new NetworkModel(settings({})).enabled).toBe(false);
    expect(new NetworkModel(settings({ firstByteMs: 20 })).enabled).toBe(true);
  });
});

describe('network model in the file host', () => {
  it('paces a real download over loopback and keeps its bytes intact', async () => {
    const size = 3 * MiB;
    const sb = await startSandbox({ connectionBytesPerSecond: 8 * MiB, firstByteMs: 50 });
    try {
      const stack = sb.createStack({ name: 'paced', backups: 0 });
      const [backup] = sb.addBackups(stack.uid, { dbType: 'mysql', sizeBytes: size });
      const id = backup?.id ?? 0;
      const url = await downloadUrl(sb, stack.uid, id, 'tar');
      const started = performance.now();
      const paced = await rawGet(url);
      const elapsed = performance.now() - started;
      expect(paced.status).toBe(200);
      expect(paced.body.equals(await readAll(sb.expectedFileContent(stack.uid, id, 'tar')))).toBe(
        true,
      );
      // A lower bound only (sleeps cannot end early): 3 MiB at 8 MiB/s after 50 ms.
      expect(elapsed).toBeGreaterThanOrEqual(50 + 375 - 20);
      // The API is not shaped by the model.
      expect((await api(sb, '/stacks')).status).toBe(200);
    } finally {
      await sb.close();
    }
  });

  it('takes its settings from flags and C66_SANDBOX_* env, and rejects nonsense', () => {
    const { options } = parseCli(['--connection-speed', '32MB/s', '--first-byte', '20ms'], {
      C66_SANDBOX_LINK_SPEED: '400MiB',
    });
    expect(options).toMatchObject({
      connectionBytesPerSecond: 32 * MiB,
      linkBytesPerSecond: 400 * MiB,
      firstByteMs: 20,
    });
    expect(parseSpeed('1.5g/s', 'x')).toBe(1.5 * 1024 * MiB);
    expect(() => parseCli(['--link-speed', 'fast'], {})).toThrow(/link-speed/);
  });
});
