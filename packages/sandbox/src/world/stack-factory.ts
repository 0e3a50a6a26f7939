import { between, hashString, unit } from '../shared/random.js';
import { isoSeconds, offsetIso, railsDate } from './dates.js';
import type { StackRecord } from './model.js';

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

/** A stack record with every field api-notes.md names, values derived from its name. */
export function buildStack(s: StackShape): StackRecord {
  const h = hashString(`${s.name}/${s.environment}`);
  const short = s.uid.slice(0, 6);
  const healthy = unit(s.seed, h, 1) > 0.15;
  const lastActivity = s.createdAt + between(1, 300, s.seed, h, 2) * 86_400_000;
  return {
    uid: s.uid,
    name: s.name,
    git: `git@github.com:acme/${s.name}.git`,
    git_branch: s.environment === 'production' ? 'main' : s.environment,
    environment: s.environment,
    cloud: 'aws',
    fqdn: `${s.name}-${s.environment}-${short}.c66.me`,
    language: s.language ?? 'ruby',
    framework: s.framework ?? 'rails',
    status: 1,
    health: healthy ? 3 : 2,
    // Non-_iso dates come in mixed formats (as in the docs' example); clients must ignore them.
    last_activity: offsetIso(lastActivity),
    last_activity_iso: offsetIso(lastActivity),
    maintenance_mode: false,
    has_loadbalancer: false,
    created_at: railsDate(s.createdAt),
    updated_at: railsDate(lastActivity),
    deploy_directory: `/var/deploy/${s.name}`,
    cloud_status: 'partial',
    created_at_iso: isoSeconds(s.createdAt),
    updated_at_iso: isoSeconds(lastActivity),
    redeploy_hook:
      s.environment === 'production'
        ? `https://hooks.cloud66.com/stacks/redeploy/${s.uid.slice(0, 16)}/${s.uid.slice(16)}`
        : null,
    backend: 'docker',
    version: '1.0',
    revision: s.uid.slice(0, 7),
    namespaces: [],
    account_id: ACCOUNT.id,
    account_name: ACCOUNT.name,
    is_cluster: false,
    is_inside_cluster: false,
    cluster_name: null,
    application_address: healthy ? `52.18.${between(1, 254, h, 3)}.${between(1, 254, h, 4)}` : null,
    configstore_namespace: `${s.uid.slice(0, 8)}-configstore`,
    is_busy: false,
  };
}
