import { defineConfig } from 'vitest/config';

// `pnpm test:smoke`: the smoke suite alone, against C66_SMOKE_API_URL / C66_SMOKE_TOKEN
// (optionally C66_SMOKE_STACK), or an in-process sandbox when they are unset.
export default defineConfig({
  test: {
    include: ['smoke/**/*.smoke.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
