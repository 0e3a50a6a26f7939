import {
  profileFromEnv,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from '@c66-backup/sandbox';
import { afterAll, beforeAll } from 'vitest';
import { type ClientOptions, createClient, type RequestEvent } from '../src/index.js';

/**
 * Options for every sandbox a core test starts: any port, and the profile of this run
 * (vitest runs the suite once per profile, see vitest.config.ts).
 */
export function sandboxOptions(options: SandboxOptions = {}): SandboxOptions {
  return { port: 0, profile: profileFromEnv(), ...options };
}

/** Starts one sandbox for the calling test file and closes it afterwards. */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox(sandboxOptions({ rateLimitPerHour: 0, ...options }));
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => {
    if (!sandbox) throw new Error('sandbox not started');
    return sandbox;
  };
}

/** A client on the sandbox that records its requests and never really sleeps between retries. */
export function sandboxClient(sb: Sandbox, options: Partial<ClientOptions> = {}) {
  const events: RequestEvent[] = [];
  const sleeps: number[] = [];
  const client = createClient({
    token: sb.token,
    baseUrl: sb.apiUrl,
    onRequest: (event) => events.push(event),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { client, events, sleeps };
}

/** API requests the sandbox received for a path (relative to `/api/3`). */
export function apiRequests(sb: Sandbox, path: string | RegExp, method = 'GET') {
  return sb.requests.filter(
    (r) =>
      r.method === method &&
      (typeof path === 'string' ? r.path === `/api/3${path}` : path.test(r.path)),
  );
}
