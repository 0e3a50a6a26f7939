import type { output } from 'zod/mini';
import { isoDate } from './iso-date.js';
import { optionalField } from './optional-field.js';
import { STACK_HEALTH_NAMES, STACK_STATUS_NAMES, statusSchema } from './status.js';
import * as z from './zod.js';

const text = () => optionalField(z.string());
const flag = () => optionalField(z.boolean());

/**
 * A stack as `GET /stacks` and `GET /stacks/:uid` return it. Required: `uid` (every call
 * names the stack by it), `name` and `environment` (how a user picks a stack). Everything
 * else is optional and may be null; unknown fields are kept. The non-`_iso` dates
 * (`created_at`, `updated_at`, `last_activity`) come in mixed formats and are left as sent.
 */
export const stackSchema = z.looseObject({
  uid: z.string(),
  name: z.string(),
  environment: z.string(),
  // Cloud 66's documented example.
  git: text(),
  git_branch: text(),
  cloud: text(),
  fqdn: text(),
  language: text(),
  framework: text(),
  status: optionalField(statusSchema(STACK_STATUS_NAMES)),
  health: optionalField(statusSchema(STACK_HEALTH_NAMES)),
  last_activity_iso: optionalField(isoDate),
  maintenance_mode: flag(),
  has_loadbalancer: flag(),
  deploy_directory: text(),
  cloud_status: text(),
  created_at_iso: optionalField(isoDate),
  updated_at_iso: optionalField(isoDate),
  redeploy_hook: text(),
  // Known only from the Go client: some stacks carry them, others do not.
  backend: text(),
  version: text(),
  revision: text(),
  namespaces: optionalField(z.array(z.string())),
  account_id: optionalField(z.int()),
  account_name: text(),
  is_cluster: flag(),
  is_inside_cluster: flag(),
  cluster_name: text(),
  application_address: text(),
  configstore_namespace: text(),
  is_busy: flag(),
});

export type Stack = output<typeof stackSchema>;
