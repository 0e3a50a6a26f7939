import { profileFromEnv, type Sandbox, startSandbox } from '@c66-backup/sandbox';

/** The server the smoke suite talks to, and how to reach it with the CLI. */
export interface SmokeTarget {
  mode: 'sandbox' | 'external';
  apiUrl: string;
  token: string;
  /** `C66_SMOKE_STACK`: the stack uid to list and download from (default: one with backups). */
  stackUid: string | undefined;
  /** Only in sandbox mode, to check the CLI against the sandbox's own truth. */
  sandbox: Sandbox | undefined;
  close(): Promise<void>;
}

/**
 * `C66_SMOKE_API_URL` + `C66_SMOKE_TOKEN` (+ optional `C66_SMOKE_STACK`): a server we did not
 * start (staging, another process). Neither: a sandbox in this process, so the suite checks
 * itself in every `pnpm test`. Half a configuration is an error, never a silent sandbox run.
 */
export async function startSmokeTarget(env = process.env): Promise<SmokeTarget> {
  const apiUrl = env.C66_SMOKE_API_URL?.trim() || undefined;
  const token = env.C66_SMOKE_TOKEN?.trim() || undefined;
  const stackUid = env.C66_SMOKE_STACK?.trim() || undefined;
  if (apiUrl && token) {
    return { mode: 'external', apiUrl, token, stackUid, sandbox: undefined, close: async () => {} };
  }
  if (apiUrl || token || stackUid) {
    throw new Error('set both C66_SMOKE_API_URL and C66_SMOKE_TOKEN (C66_SMOKE_STACK optional)');
  }
  const sb = await startSandbox({ port: 0, profile: profileFromEnv(env) });
  return {
    mode: 'sandbox',
    apiUrl: sb.apiUrl,
    token: sb.token,
    stackUid: undefined,
    sandbox: sb,
    close: () => sb.close(),
  };
}
