import { defineConfig } from 'vitest/config';

// Unit tests only: the end-to-end tests drive a real browser against the built site and run
// through scripts/e2e.ts, not Vitest, so that a single Chromium serves every chapter.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
