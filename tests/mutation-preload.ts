/// <reference types="vite/client" />
/**
 * Loaded before the first test of a mutation run whose test files share modules (the engine and loaders scopes,
 * vitest.mutation.config.ts): every mutated module is imported here, outside any test, so that what a module
 * computes when it loads (its lists, patterns, limits) is seen by Stryker as static. A module first imported
 * inside a test would have its module-level mutants attributed to that test, and judged by whichever mutant
 * was active when the shared module loaded: false survivors, or false kills. Static mutants are left to the
 * scopes whose test files each load their modules afresh (stryker.config.mjs).
 */
const modules = import.meta.glob(['../src/engine/**/*.ts', '../src/load/**/*.ts', '../src/law/*.ts', '../src/vocabulary.ts'], { eager: true });
if (Object.keys(modules).length === 0) throw new Error('mutation preload: no modules found');
