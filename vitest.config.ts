import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration suites start servers and redis-server processes; keep the 2-core machine from thrashing.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
