/**
 * The test set Stryker runs against each mutant: every in-process test. The end-to-end tests spawn the
 * built binary (dist/), which a mutant of src/ never reaches, so they would only cost time here; the
 * sabotage tests test the tests; the in-process CLI fuzz repeats the loader fuzz through a fresh Law per
 * command, which costs more than it adds under ~2,800 mutants.
 */
import { defineConfig } from 'vitest/config';

const scope = process.env['MUTATION_SCOPE'] ?? 'all';
const isolate = ['all', 'compile', 'vocabulary'].includes(scope);

export default defineConfig({
  test: {
    include: {
      all: ['tests/**/*.test.ts'],
      engine: ['tests/unit/**/*.test.ts', 'tests/golden.test.ts', 'tests/properties/consistency.test.ts', 'tests/properties/atoms-oracle.test.ts'],
      compile: ['tests/unit/**/*.test.ts', 'tests/golden.test.ts', 'tests/properties/consistency.test.ts', 'tests/properties/resolution.test.ts'],
      loaders: ['tests/unit/**/*.test.ts', 'tests/fuzz/**/*.test.ts', 'tests/properties/round-trips.test.ts'],
      vocabulary: ['tests/unit/**/*.test.ts', 'tests/golden.test.ts', 'tests/properties/consistency.test.ts', 'tests/properties/atoms-oracle.test.ts'],
    }[scope],
    exclude: [
      'tests/cli/bad-input.test.ts',
      'tests/cli/commands.test.ts',
      'tests/cli/fuzz-binary.test.ts',
      'tests/properties/sabotage/**',
      'tests/cli/fuzz.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'threads',
    // For run-time code, modules shared between test files halve the time of each run; code whose output
    // a test caches (the compiler, the loaded law) needs each file in a fresh module graph.
    isolate,
    // Where modules are shared, every mutated module is loaded before any test, so that its module-level
    // mutants are static (see tests/mutation-preload.ts).
    setupFiles: isolate ? [] : ['tests/mutation-preload.ts'],
    // Stryker runs one vitest per core already; more threads per vitest would only compete for them.
    maxWorkers: 1,
    // Properties run fewer cases per mutant: a mutant that breaks a rule fails within a few runs.
    // Tests that walk every row of every law's table take a sample of the rows (MUTATION_RUN).
    env: { FC_RUNS: process.env['FC_RUNS'] ?? '4', MUTATION_RUN: '1' },
  },
});
