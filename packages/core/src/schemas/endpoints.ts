import type * as z from 'zod/mini';
import { backupSchema } from './backup.js';
import { backupFileSchema, backupFileUrlSchema, queuedResultSchema } from './backup-file.js';
import { listEnvelope, objectEnvelope } from './envelope.js';
import { stackSchema } from './stack.js';

/**
 * The body schema of every endpoint the client calls, by the endpoint template its errors
 * name: the client validates with these, and the contract tests parse the documented
 * examples with the same ones.
 */
export const ENDPOINT_SCHEMAS = {
  'GET /stacks': listEnvelope(stackSchema),
  'GET /stacks/:id': objectEnvelope(stackSchema),
  'GET /stacks/:id/backups': listEnvelope(backupSchema),
  'GET /stacks/:id/backups/:id': objectEnvelope(backupSchema),
  'POST /stacks/:id/backups': objectEnvelope(queuedResultSchema),
  'GET /stacks/:id/backups/:id/files': listEnvelope(backupFileSchema),
  'GET /stacks/:id/backups/:id/files/:id': objectEnvelope(backupFileUrlSchema),
} as const;

export type Endpoint = keyof typeof ENDPOINT_SCHEMAS;
export type EndpointBody<E extends Endpoint> = z.output<(typeof ENDPOINT_SCHEMAS)[E]>;
export type ListEndpoint = {
  [E in Endpoint]: EndpointBody<E> extends { pagination: unknown } ? E : never;
}[Endpoint];
export type GetEndpoint = Exclude<Endpoint, ListEndpoint | 'POST /stacks/:id/backups'>;
