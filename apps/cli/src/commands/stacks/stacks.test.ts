import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli, sandboxEnv } from '../../../test/run-cli.js';
import { type Sandbox, startTestSandbox } from '../../../test/test-sandbox.js';

describe('c66-backup stacks', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(async () => {
    await sb.close();
  });

  it('prints a table of every stack: name, environment, UID, status', async () => {
    const result = await runCli(['stacks'], { env: sandboxEnv(sb) });
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^NAME\s+ENVIRONMENT\s+UID\s+STATUS$/);
    expect(rows).toHaveLength(sb.stacks().length);
    for (const stack of sb.stacks()) {
      const row = rows.find((line) => line.includes(stack.uid));
      expect(row, stack.uid).toBeDefined();
      expect(row).toMatch(
        new RegExp(`^${stack.name}\\s+${stack.environment}\\s+${stack.uid}\\s+\\S`),
      );
    }
  });

  it('--json prints one JSON line per stack with statuses as names and ISO dates', async () => {
    const result = await runCli(['stacks', '--json'], { env: sandboxEnv(sb) });
    expect(result.code).toBe(0);
    const stacks = jsonLines(result.stdout) as Record<string, unknown>[];
    expect(stacks.map((s) => s.uid).sort()).toEqual(
      sb
        .stacks()
        .map((s) => s.uid)
        .sort(),
    );
    for (const stack of stacks) {
      expect(typeof stack.status).toBe('string');
      expect(typeof stack.health).toBe('string');
      expect(new Date(stack.created_at_iso as string).toISOString()).toBe(stack.created_at_iso);
    }
  });

  it('--name filters', async () => {
    const result = await runCli(['stacks', '--name', 'shop'], { env: sandboxEnv(sb) });
    expect(result.code).toBe(0);
    const rows = result.stdout.trimEnd().split('\n').slice(1);
    expect(rows).toHaveLength(sb.stacks().filter((s) => s.name === 'shop').length);
    expect(rows.every((row) => row.startsWith('shop '))).toBe(true);
  });

  it('--environment filters', async () => {
    const result = await runCli(['stacks', '--environment', 'staging', '--json'], {
      env: sandboxEnv(sb),
    });
    expect(result.code).toBe(0);
    const stacks = jsonLines(result.stdout) as { environment: string }[];
    const expected = sb.stacks().filter((s) => s.environment === 'staging');
    expect(expected.length).toBeGreaterThan(0);
    expect(stacks).toHaveLength(expected.length);
    expect(stacks.every((s) => s.environment === 'staging')).toBe(true);
  });

  it('meets the profile this project runs: full adds the Go client fields, documented not', async () => {
    expect(sb.profile).toBe(process.env.C66_SANDBOX_PROFILE);
    const result = await runCli(['stacks', '--json'], { env: sandboxEnv(sb) });
    expect(result.code).toBe(0);
    const stacks = jsonLines(result.stdout) as Record<string, unknown>[];
    const withClusterField = stacks.filter((s) => typeof s.is_cluster === 'boolean');
    expect(withClusterField).toHaveLength(sb.profile === 'full' ? stacks.length : 0);
  });
});
