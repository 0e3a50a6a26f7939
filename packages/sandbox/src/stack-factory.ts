import { isoSeconds, railsDate } from './dates.js';
import type { Stack } from './model.js';
import { between, hashString, unit } from './random.js';

export interface StackShape {
  uid: string;
  name: string;
  environment: string;
  seed: number;
  createdAt: number;
  language?: string;
  framework?: string;
}

const ACCOUNT = { id: 4242, name: 'Acme Corp' };

/** A stack with every field api-notes.md lists, values derived from its name. */
export function buildStack(s: StackShape): Stack {
  const h = hashString(`${s.name}/${s.environment}`);
  const short = s.uid.slice(0, 6);
  const healthy = unit(s.seed, h, 1) > 0.15;
  const lastActivity = s.createdAt + between(1, 300, s.seed, h, 2) * 86_400_000;
  return {
    uid: s.uid,
    name: s.name,
    environment: s.environment,
    account_id: ACCOUNT.id,
    account_name: ACCOUNT.name,
    git: `git@github.com:acme/${s.name}.git`,
    git_branch: s.environment === 'production' ? 'main' : s.environment,
    cloud: 'aws',
    fqdn: `${s.name}-${s.environment}-${short}.c66.me`,
    language: s.language ?? 'ruby',
    framework: s.framework ?? 'rails',
    status: 1,
    health: healthy ? 3 : 2,
    maintenance_mode: false,
    is_busy: false,
    // Non-_iso dates come in mixed formats on the real API; clients must ignore them.
    created_at: isoSeconds(s.createdAt),
    created_at_iso: isoSeconds(s.createdAt),
    updated_at: railsDate(lastActivity),
    updated_at_iso: isoSeconds(lastActivity),
    last_activity: String(Math.floor(lastActivity / 1000)),
    last_activity_iso: isoSeconds(lastActivity),
    redeploy_hook:
      s.environment === 'production'
        ? `https://hooks.cloud66.com/stacks/redeploy/${s.uid.slice(0, 16)}/${s.uid.slice(16)}`
        : null,
    application_address: healthy ? `52.18.${between(1, 254, h, 3)}.${between(1, 254, h, 4)}` : null,
    is_cluster: false,
    cluster_name: null,
    namespaces: [],
  };
}
