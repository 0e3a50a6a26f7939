import { defineConfig } from 'vitest/config';

// The e2e package's own quick checks (its setup's environment handling), run by `pnpm test`
// with the rest of the monorepo; the code-server scenarios run only through `test:e2e`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
