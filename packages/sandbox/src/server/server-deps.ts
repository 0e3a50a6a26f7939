import type { RateLimiter } from '../api/auth/rate-limiter.js';
import type { TokenStore } from '../api/auth/tokens.js';
import type { FaultRegistry } from '../faults/fault-registry.js';
import type { EtagCache } from '../file-host/etag.js';
import type { FileRef } from '../file-host/file-ref.js';
import type { NetworkModel } from '../file-host/network/network-model.js';
import type { Presigner } from '../file-host/presign.js';
import type { Lifecycle } from '../world/lifecycle/lifecycle.js';
import type { World } from '../world/world.js';
import type { ResolvedOptions } from './options.js';

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
