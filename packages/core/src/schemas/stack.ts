import { z } from 'zod';
import { isoDate } from './iso-date.js';
import { STACK_HEALTH_NAMES, STACK_STATUS_NAMES, statusSchema } from './status.js';

/**
 * A stack as `GET /stacks` and `GET /stacks/:uid` return it. Unknown fields are kept.
 * Descriptive strings that a real stack may lack (a Docker stack has no git) accept `null`.
 */
export const stackSchema = z
  .object({
    uid: z.string(),
    name: z.string(),
    environment: z.string(),
    account_id: z.number().int().optional(),
    account_name: z.string().nullable().optional(),
    git: z.string().nullable(),
    git_branch: z.string().nullable(),
    cloud: z.string().nullable(),
    fqdn: z.string().nullable(),
    language: z.string().nullable(),
    framework: z.string().nullable(),
    status: statusSchema(STACK_STATUS_NAMES),
    health: statusSchema(STACK_HEALTH_NAMES),
    maintenance_mode: z.boolean(),
    is_busy: z.boolean(),
    created_at_iso: isoDate,
    updated_at_iso: isoDate,
    last_activity_iso: isoDate.nullable(),
    redeploy_hook: z.string().nullable(),
    application_address: z.string().nullable(),
    is_cluster: z.boolean(),
    cluster_name: z.string().nullable(),
    namespaces: z.array(z.string()),
  })
  .loose();

export type Stack = z.infer<typeof stackSchema>;
