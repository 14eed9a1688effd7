import { defineConfig } from 'vitest/config';

/** Heavy tests (thousands of changes into a browser), one at a time, after the main suite. */
export default defineConfig({
  test: {
    include: ['test/load/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
  },
});
