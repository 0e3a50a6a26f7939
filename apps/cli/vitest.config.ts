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
    projects: SANDBOX_PROFILES.map((profile) => ({
      extends: true,
      test: {
        name: profile,
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
