import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,server,client}/src/**/*.test.{ts,tsx}', '{server,shared}/test/**/*.test.ts', 'test/**/*.test.ts'],
    // Load tests run afterwards on their own (vitest.load.config.ts): beside them, timing checks
    // such as "a change reaches two tabs within a second" would be measuring the neighbours.
    exclude: ['**/node_modules/**', 'test/load/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Realtime and browser tests start real servers; two cores cannot run many at once.
    maxWorkers: 2,
    // Each worker imports the server's modules once, not once per file: importing them again for
    // every file cost more than a minute of the run. This holds because no module keeps state
    // between apps (each test builds its own server, store and clock) and the few tests that
    // stub something put it back (vi.restoreAllMocks, vi.useRealTimers).
    isolate: false,
    reporters: ['default'],
  },
});
