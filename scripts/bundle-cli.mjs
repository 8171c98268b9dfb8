#!/usr/bin/env node
// Build step: the command line as one bundled ES module (dist/bundle/main.js), with each command's code in
// a chunk of its own that is loaded only when that command runs (esbuild's code splitting of the dynamic
// imports in src/cli/main.ts). A cold start then reads a few files instead of some three hundred modules
// of zod, yaml, commander and our own. The library (dist/index.js) stays importable module by module.
// Built from the type-checked output of tsc (dist/), so the bundle runs exactly the code the tests run.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: join(root, 'dist', 'cli', 'main.js'), progress: join(root, 'dist', 'cli', 'progress.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies written as CommonJS call require() for Node's own modules: give the bundle one.
  banner: { js: "import { createRequire as __npCreateRequire } from 'node:module'; const require = __npCreateRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  minify: process.env.NP_BUNDLE_MINIFY !== '0',
  logLevel: 'warning',
});
