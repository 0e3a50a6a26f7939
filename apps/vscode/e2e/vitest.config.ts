import { defineConfig } from 'vitest/config';

// One code-server and one browser serve every scenario, in order: no parallel files,
// generous timeouts (the machine is shared; code-server loads a whole editor).
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
