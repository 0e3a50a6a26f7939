import { defineConfig } from 'vitest/config';

// The suite runs twice, once per sandbox profile: exactly the fields of Cloud 66's
// documented examples ('documented', the sandbox's default) and every field api-notes
// names ('full'). test/sandbox.ts passes C66_SANDBOX_PROFILE to every sandbox; vitest
// reports the two runs as two projects, so the totals count both.
const PROFILES = ['documented', 'full'] as const;

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: PROFILES.map((profile) => ({
      extends: true,
      test: {
        name: profile,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        env: { C66_SANDBOX_PROFILE: profile },
      },
    })),
  },
});
