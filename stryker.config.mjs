// @ts-check
/**
 * Mutation testing of the evaluator and the loaders (`npm run mutation`, not in CI).
 *
 * MUTATION_SCOPE picks what is mutated and which tests judge the mutants:
 *   all      (default) src/engine, src/load and src/law/dates.ts, with every in-process test, each test
 *            file in a fresh module graph: the reference run, about two hours on two cores;
 *   engine   the evaluator's run-time code (src/engine except the compiler, and src/law/dates.ts), with
 *            the unit, golden and consistency tests;
 *   compile  the compiler of provisions and of the json-rules-engine rules (src/engine/provisions.ts,
 *            src/engine/reference.ts), whose output the tests cache, so each test file re-imports;
 *   loaders  the loaders (src/load), with the unit, fuzz and round-trip tests.
 * engine, compile and loaders together mutate the same code as all, in about an hour. Outside `all` and
 * `compile`, modules are shared between test files (vitest.mutation.config.ts), which is only sound for
 * code that runs on every evaluation or every load, not for what a test computes once and keeps.
 *
 * tsconfigFile names a file that does not exist on purpose: Stryker would otherwise load the TypeScript
 * JavaScript API to rewrite tsconfig.json, and the native TypeScript 7 compiler has none.
 */
const scope = process.env.MUTATION_SCOPE ?? 'all';
const scopes = {
  all: ['src/engine/**/*.ts', 'src/load/**/*.ts', 'src/law/dates.ts'],
  engine: ['src/engine/**/*.ts', '!src/engine/provisions.ts', '!src/engine/reference.ts', 'src/law/dates.ts'],
  compile: ['src/engine/provisions.ts', 'src/engine/reference.ts'],
  loaders: ['src/load/**/*.ts'],
};
if (!(scope in scopes)) throw new Error(`MUTATION_SCOPE must be one of ${Object.keys(scopes).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: scopes[/** @type {keyof typeof scopes} */ (scope)],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scope}.html` },
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  thresholds: { high: 90, low: 85, break: null },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  tsconfigFile: '.stryker-no-tsconfig.json',
};
