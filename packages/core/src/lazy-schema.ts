import type { Endpoint } from './schemas/endpoints.js';

type Schemas = typeof import('./schemas/index.js');
type EndpointSchemas = Schemas['ENDPOINT_SCHEMAS'];

let loading: Promise<Schemas> | undefined;

/**
 * The zod schemas, imported on first use. zod is the largest part of the core's start-up,
 * and a process that only imports the core (an extension activating, `--version`) never
 * validates anything; the first request pays for it once.
 */
export function loadSchemas(): Promise<Schemas> {
  loading ??= import('./schemas/index.js');
  return loading;
}

/** An endpoint's body schema from ENDPOINT_SCHEMAS (the contract tests' own), loaded on first use. */
export function endpointSchema<E extends Endpoint>(endpoint: E): () => Promise<EndpointSchemas[E]> {
  return () => loadSchemas().then((m) => m.ENDPOINT_SCHEMAS[endpoint]);
}
