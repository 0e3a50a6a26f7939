import { SANDBOX_PROFILES } from '@c66-backup/sandbox';
import { defineConfig } from 'vitest/config';

// Every test file runs twice, once per sandbox profile: Cloud 66's documented fields only
// ('documented', the default) and every field the Go client knows ('full'). Vitest counts
// them as two projects, so the totals show both runs. The smoke suite runs here against an
// in-process sandbox; `pnpm test:smoke` (vitest.smoke.config.ts) points it at a server.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One profile after the other (groupOrder): the two runs never compete for the 2 cores,
    // so timing-sensitive tests see the same load as a single run.
    projects: SANDBOX_PROFILES.map((profile, order) => ({
      extends: true,
      test: {
        name: profile,
        sequence: { groupOrder: order },
        include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'smoke/**/*.smoke.test.ts'],
        env: {
          C66_SANDBOX_PROFILE: profile,
          C66_SMOKE_API_URL: '',
          C66_SMOKE_TOKEN: '',
          C66_SMOKE_STACK: '',
        },
      },
    })),
  },
});
