import { SANDBOX_PROFILES } from '@c66-backup/sandbox';
import { describe, expect, it } from 'vitest';
import { sandboxClient, useSandbox } from './sandbox.js';

// vitest.config.ts runs the suite once per profile; this shows each run really met its own.
const sandbox = useSandbox();

describe('the profile matrix', () => {
  it('runs against the sandbox profile its vitest project names', async () => {
    const profile = process.env.C66_SANDBOX_PROFILE;
    expect(SANDBOX_PROFILES).toContain(profile);
    expect(sandbox().profile).toBe(profile);
    const { client } = sandboxClient(sandbox());
    const [stack] = await client.stacks.list().toArray();
    // `cluster_name` is one of the fields only the Go client knows: served by `full` alone.
    expect(stack && 'cluster_name' in stack).toBe(profile === 'full');
  });
});
