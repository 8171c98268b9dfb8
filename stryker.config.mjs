// @ts-check
/**
 * Mutation testing of the evaluator and the loaders (`npm run mutation`, not in CI).
 *
 * MUTATION_SCOPE picks what is mutated and which tests judge the mutants:
 *   all        (default) src/engine, src/load, src/law/dates.ts and src/vocabulary.ts, with every
 *              in-process test, each test file in a fresh module graph: the reference run, about two
 *              hours on two cores;
 *   engine     the evaluator's run-time code (src/engine except the compiler and the offence-table
 *              index, and src/law/dates.ts), with the unit, golden and consistency tests — this includes
 *              the report assembly (evaluate.ts: summariseOffence, combineCandidates, resolvedOf);
 *   compile    what is computed once per law and kept: the compiler of provisions and of the
 *              json-rules-engine rules (src/engine/provisions.ts, reference.ts) and the offence-table
 *              index and resolution (src/engine/resolve.ts), so each test file re-imports;
 *   loaders    the loaders (src/load), with the unit, fuzz and round-trip tests;
 *   vocabulary the vocabulary's decision tables and orders (src/vocabulary.ts: outcome order, best
 *              outcome, nexus ladder, default dispositions and date bases), re-imported per test file.
 * engine, compile, loaders and vocabulary together mutate the same code as all. Outside `all`, `compile`
 * and `vocabulary`, modules are shared between test files (vitest.mutation.config.ts), which is only sound
 * for code that runs on every evaluation or every load, not for what a test computes once and keeps.
 *
 * Static mutants (module-level values: the vocabulary's lists, suffix lists, limits, patterns) are
 * measured where each test file gets a fresh module graph (all, compile, vocabulary): a module-level value
 * is computed again under each mutant there. In engine and loaders, modules are shared, so a static
 * mutant would be judged by tests that loaded the module under a different mutant; those scopes ignore
 * static mutants (ignoreStatic), and the `all` run measures them.
 *
 * After Stryker, scripts/mutation-report.mjs writes the per-file table and the surviving mutants to
 * MUTATION.md, with the commit measured.
 *
 * tsconfigFile names a file that does not exist on purpose: Stryker would otherwise load the TypeScript
 * JavaScript API to rewrite tsconfig.json, and the native TypeScript 7 compiler has none.
 */
const scope = process.env.MUTATION_SCOPE ?? 'all';
const scopes = {
  all: ['src/engine/**/*.ts', 'src/load/**/*.ts', 'src/law/dates.ts', 'src/vocabulary.ts'],
  engine: ['src/engine/**/*.ts', '!src/engine/provisions.ts', '!src/engine/reference.ts', '!src/engine/resolve.ts', 'src/law/dates.ts'],
  compile: ['src/engine/provisions.ts', 'src/engine/reference.ts', 'src/engine/resolve.ts'],
  loaders: ['src/load/**/*.ts'],
  vocabulary: ['src/vocabulary.ts'],
};
/** Scopes whose test files share modules, where a static mutant cannot be judged (see above). */
const sharedModules = ['engine', 'loaders'];
if (!(scope in scopes)) throw new Error(`MUTATION_SCOPE must be one of ${Object.keys(scopes).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: scopes[/** @type {keyof typeof scopes} */ (scope)],
  coverageAnalysis: 'perTest',
  ignoreStatic: sharedModules.includes(scope),
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scope}.html` },
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  thresholds: { high: 90, low: 85, break: null },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  tsconfigFile: '.stryker-no-tsconfig.json',
};
