import type { SandboxProfile } from './fields.js';
import type { FileRef } from './file-registry.js';
import type { Lifecycle } from './lifecycle.js';
import type { Presigner } from './presign.js';
import type { Scope } from './tokens.js';
import type { World } from './world.js';

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
