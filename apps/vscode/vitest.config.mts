import { SANDBOX_PROFILES } from '@c66-backup/sandbox';
import { defineConfig } from 'vitest/config';

// Every test file runs twice, once per sandbox profile: Cloud 66's documented fields only
// ('documented', the default) and every field the Go client knows ('full'). Vitest counts
// them as two projects, so the totals show both runs.
export default defineConfig({
  test: {
    setupFiles: ['test/setup/vscode-mock.ts'],
    testTimeout: 20_000,
    // One sandbox per file over loopback; files in parallel would crowd the shared 2 cores.
    fileParallelism: false,
    // One profile after the other (groupOrder): the two runs never compete for the 2 cores,
    // so timing-sensitive tests see the same load as a single run.
    projects: SANDBOX_PROFILES.map((profile, order) => ({
      extends: true,
      test: {
        name: profile,
        sequence: { groupOrder: order },
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        env: { C66_SANDBOX_PROFILE: profile },
      },
    })),
  },
});
