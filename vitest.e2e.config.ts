import { defineConfig } from 'vitest/config';

// End-to-end tests: one Chromium per file against the built site (OUT_DIR, built with
// BASE_PATH), files one at a time because the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
