import { defineConfig } from 'vitest/config';

/** Tests that read the fixture archive, built once by the real build script before they run. */
const SITE_TESTS = ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts', 'tests/pipeline/hostile-input.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    // Builds run as child processes: two test files at once keep both cores of a small machine busy.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: SITE_TESTS,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: SITE_TESTS,
          globalSetup: ['tests/helpers/global-setup.ts'],
          // Budgets for a loaded 2-core machine: Chromium and the builds these tests start share it with
          // everything else. A test that walks many pages makes one test per page instead of a longer budget.
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
