import { defineConfig } from 'vitest/config';
import unit from './vitest.config.mts';

/**
 * `npm run test:reliability` (scripts/test-reliability.mjs): scenarios that start production
 * servers and databases, one file at a time, so their timings are not skewed by each other on
 * two cores. Not part of `npm run test:unit`.
 */
export default defineConfig({
  // The unit tests' aliases; the rest is not merged (mergeConfig would join the include lists).
  resolve: unit.resolve,
  test: {
    // Named *.scenario.ts so that `npm run test:unit` (test/**/*.test.ts) does not pick them up.
    include: ['test/reliability/**/*.scenario.ts'],
    environment: 'node',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 240_000,
    hookTimeout: 120_000,
    // Scenario output (numbers, checks) is part of the report.
    silent: false,
    printConsoleTrace: false,
  },
});
