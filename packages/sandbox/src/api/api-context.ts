import type { FileRef } from '../file-host/file-ref.js';
import type { Presigner } from '../file-host/presign.js';
import type { Lifecycle } from '../world/lifecycle/lifecycle.js';
import type { SandboxProfile } from '../world/profile/fields.js';
import type { World } from '../world/world.js';
import type { Scope } from './auth/tokens.js';

/** Everything an API handler may read or change for one request. */
export interface ApiContext {
  world: World;
  lifecycle: Lifecycle;
  presigner: Presigner;
  files: Map<string, FileRef>;
  origin: string;
  now: () => number;
  splitThresholdBytes: number;
  urlTtlSeconds: number;
  /** Which fields stacks and backups are served with. */
  profile: SandboxProfile;
  scope: Scope;
  query: URLSearchParams;
  body: Record<string, unknown>;
  params: { stackUid?: string; backupId?: string; fileId?: string };
}
