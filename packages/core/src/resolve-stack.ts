import type { Client } from './client.js';
import {
  AmbiguousStackError,
  InvalidInputError,
  NotFoundError,
  type StackCandidate,
  StackNotFoundError,
} from './errors/index.js';
import type { Stack } from './schemas/stack.js';

const STACK_UID = /^[0-9a-f]{32}$/i;
/** Candidates named in an error message; the error's `candidates` holds them all. */
const LISTED = 20;

export interface ResolveStackOptions {
  /** A stack uid (32 hex characters) or a stack name. */
  stack: string;
  /** Narrows a name to one environment (`production`, `staging`...). */
  environment?: string;
  signal?: AbortSignal;
}

/**
 * Finds one stack by uid or by name (and environment). An unknown name throws a
 * {@link StackNotFoundError}, a name shared by several stacks an {@link AmbiguousStackError};
 * both list the candidates as `name (environment) uid`.
 */
export async function resolveStack(client: Client, options: ResolveStackOptions): Promise<Stack> {
  const wanted = options.stack?.trim() ?? '';
  const environment = options.environment?.trim() || undefined;
  if (wanted === '') throw new InvalidInputError('a stack uid or name is required');
  const call = options.signal ? { signal: options.signal } : {};

  if (STACK_UID.test(wanted)) {
    try {
      return await client.stacks.get(wanted.toLowerCase(), call);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new StackNotFoundError(`no stack with uid ${wanted}`, [], { cause: error });
    }
  }

  const filtered = await client.stacks
    .list({ name: wanted, ...(environment ? { environment } : {}), ...call })
    .toArray();
  // The name filters are undocumented: match exactly here too, whatever the server did.
  const matches = filtered.filter(
    (s) => s.name === wanted && (environment === undefined || s.environment === environment),
  );
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new AmbiguousStackError(
      `${matches.length} stacks are named "${wanted}"${environment ? ` in ${environment}` : ''}; pass an environment or a uid: ${describe(matches)}`,
      matches.map(candidate),
    );
  }
  const all = (await client.stacks.list(call).toArray()).map(candidate);
  const near = all.filter((s) => s.name.toLowerCase() === wanted.toLowerCase());
  const shown = near.length > 0 ? near : all;
  const where = environment ? ` in environment "${environment}"` : '';
  throw new StackNotFoundError(
    `no stack named "${wanted}"${where}; ${shown.length === 0 ? 'this token sees no stacks' : `${near.length > 0 ? 'did you mean' : 'stacks'}: ${describe(shown)}`}`,
    shown,
  );
}

function candidate(stack: StackCandidate): StackCandidate {
  return { uid: stack.uid, name: stack.name, environment: stack.environment };
}

function describe(stacks: readonly StackCandidate[]): string {
  const listed = stacks.slice(0, LISTED).map((s) => `${s.name} (${s.environment}) ${s.uid}`);
  const more = stacks.length > LISTED ? ` and ${stacks.length - LISTED} more` : '';
  return `${listed.join(', ')}${more}`;
}
