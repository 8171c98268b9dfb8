#!/usr/bin/env node
// Build step: the command line as one bundled ES module (dist/bundle/main.js), with each command's code in
// a chunk of its own that is loaded only when that command runs (esbuild's code splitting of the dynamic
// imports in src/cli/main.ts). A cold start then reads a few files instead of some three hundred modules
// of zod, yaml, commander and our own. The library (dist/index.js) stays importable module by module.
// Built from the type-checked output of tsc (dist/), so the bundle runs exactly the code the tests run.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

// zod re-exports its error messages in some forty languages as one namespace (z.locales), which no bundler
// can shake off; our messages are our own and zod's own default (English) is imported by zod directly, so
// the namespace is bundled empty. The build stops here if our code ever starts to use it.
for (const f of readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')))
  if (/\bz\.(locales|config)\b/.test(readFileSync(join(root, 'src', f), 'utf8'))) throw new Error(`src/${f} uses zod's locales: remove the english-only-zod plugin from scripts/bundle-cli.mjs`);
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'english-only-zod' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'english-only-zod' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  // The command line; the progress bar (loaded only on a terminal); the worker thread of batch --jobs.
  entryPoints: { main: join(root, 'dist', 'cli', 'main.js'), progress: join(root, 'dist', 'cli', 'progress.js'), worker: join(root, 'dist', 'batch', 'worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies written as CommonJS call require() for Node's own modules: give the bundle one.
  banner: { js: "import { createRequire as __npCreateRequire } from 'node:module'; const require = __npCreateRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  plugins: [englishOnlyZod],
  legalComments: 'none',
  minify: process.env.NP_BUNDLE_MINIFY !== '0',
  logLevel: 'warning',
});
