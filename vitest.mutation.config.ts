/**
 * The test set Stryker runs against each mutant: every in-process test. The end-to-end tests spawn the
 * built binary (dist/), which a mutant of src/ never reaches, so they would only cost time here.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/cli/bad-input.test.ts', 'tests/cli/commands.test.ts', 'tests/cli/fuzz-binary.test.ts', 'tests/properties/sabotage/**'],
    testTimeout: 60_000,
    pool: 'threads',
    // Modules are loaded once per worker rather than once per test file: halves the time of each run.
    isolate: false,
    // Stryker runs one vitest per core already; more threads per vitest would only compete for them.
    maxWorkers: 1,
    // Properties run fewer cases per mutant: a mutant that breaks a rule fails within a few runs.
    env: { FC_RUNS: process.env['FC_RUNS'] ?? '10' },
  },
});
