import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { API_PREFIX } from '../api/api-routes.js';
import { RateLimiter } from '../api/auth/rate-limiter.js';
import { TokenStore } from '../api/auth/tokens.js';
import { FaultRegistry } from '../faults/fault-registry.js';
import { EtagCache } from '../file-host/etag.js';
import type { FileRef } from '../file-host/file-ref.js';
import { NetworkModel } from '../file-host/network/network-model.js';
import { Presigner } from '../file-host/presign.js';
import { worldControls } from '../world/controls/world-controls.js';
import { Lifecycle } from '../world/lifecycle/lifecycle.js';
import { seedBareStack, seedWorld } from '../world/seed/seed.js';
import { seedFreshnessStacks } from '../world/seed/seed-freshness.js';
import { World } from '../world/world.js';
import { createSandboxServer } from './create-sandbox-server.js';
import { resolveOptions, type SandboxOptions } from './options.js';
import { RequestLog } from './request-log.js';
import type { Sandbox } from './sandbox.js';

/** Starts a Cloud 66 API v3 simulator on real HTTP (127.0.0.1, port 0 by default). */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const opts = resolveOptions(options);
  const world = new World(opts.seed);
  seedWorld(world, opts.backups);
  seedFreshnessStacks(world, opts.now());
  if (opts.bareStack) seedBareStack(world);
  const tokens = new TokenStore(opts.seed, opts.token, opts.readOnlyToken);
  const faults = new FaultRegistry();
  for (const fault of opts.faults) faults.inject(fault);
  const lifecycle = new Lifecycle(world, opts);
  const files = new Map<string, FileRef>();
  const log = new RequestLog(opts.maxRecordedRequests);
  let origin = '';
  const { server, sockets } = createSandboxServer(
    {
      opts,
      world,
      lifecycle,
      presigner: new Presigner(`c66-sandbox-secret:${opts.seed}:${tokens.token}`),
      etags: new EtagCache(),
      files,
      tokens,
      limiter: new RateLimiter(opts.rateLimitPerHour, opts.now),
      faults,
      network: new NetworkModel({
        connectionBytesPerSecond: opts.connectionBytesPerSecond,
        linkBytesPerSecond: opts.linkBytesPerSecond,
        firstByteMs: opts.firstByteMs,
      }),
      origin: () => origin,
    },
    log,
  );
  server.listen(opts.port, opts.host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  origin = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;

  const controls = worldControls(world, lifecycle, opts);
  let closed: Promise<void> | undefined;
  return {
    apiUrl: `${origin}${API_PREFIX}`,
    origin,
    port,
    profile: opts.profile,
    token: tokens.token,
    readOnlyToken: tokens.readOnlyToken,
    revokeToken: (token) => tokens.revoke(token),
    addToken: (token, scope = 'admin') => tokens.add(token, scope),
    ...controls,
    faults: {
      inject: (fault) => faults.inject(fault),
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    get requests() {
      return log.all;
    },
    clearRequests: () => log.clear(),
    close() {
      closed ??= (async () => {
        lifecycle.close();
        const done = once(server, 'close');
        server.close();
        for (const socket of sockets) socket.destroy();
        await done;
      })();
      return closed;
    },
  };
}
