import {
  profileFromEnv,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from '@c66-backup/sandbox';

export type { Sandbox };

/**
 * A sandbox on a free port, in the profile this test project runs: vitest.config.ts runs
 * every file once per profile through `C66_SANDBOX_PROFILE`.
 */
export function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, profile: profileFromEnv(), ...options });
}
