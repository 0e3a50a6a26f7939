import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup/vscodeMock.ts'],
    testTimeout: 20_000,
    // One sandbox per file over loopback; files in parallel would crowd the shared 2 cores.
    fileParallelism: false,
  },
});
