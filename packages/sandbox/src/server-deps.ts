import type { EtagCache } from './etag.js';
import type { FaultRegistry } from './fault-registry.js';
import type { FileRef } from './file-registry.js';
import type { Lifecycle } from './lifecycle.js';
import type { NetworkModel } from './network/network-model.js';
import type { ResolvedOptions } from './options.js';
import type { Presigner } from './presign.js';
import type { RateLimiter } from './rate-limiter.js';
import type { TokenStore } from './tokens.js';
import type { World } from './world.js';

/** The sandbox's state and services, shared by the API and the file host. */
export interface ServerDeps {
  opts: ResolvedOptions;
  world: World;
  lifecycle: Lifecycle;
  presigner: Presigner;
  etags: EtagCache;
  files: Map<string, FileRef>;
  tokens: TokenStore;
  limiter: RateLimiter;
  faults: FaultRegistry;
  /** Bandwidth and time to first byte of the file host (off by default). */
  network: NetworkModel;
  /** `http://127.0.0.1:PORT`, known once listening. */
  origin(): string;
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
