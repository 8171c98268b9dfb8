/**
 * A source file of the engine with one deliberate edit, loaded in its place by a sabotage test's vi.mock:
 *
 *   vi.mock('../../../src/engine/evaluate.js', async () => (await import('./mutant.js')).mutant('src/engine/evaluate.ts', [[from, to]]));
 *
 * Each edit must match the source exactly once, so that a change to the source fails the sabotage test
 * loudly instead of leaving it testing an engine that was never broken. The edited copy is written to a
 * temporary directory, its relative imports pointed back at the real modules (so every other module is
 * shared with the code under test), and imported. Unlike a vi.mock that swaps an export, this reaches the
 * module's own internal calls (provisionOutcome inside evaluateOffence, ageInBand inside meansSatisfied).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Not from tests/helpers.ts: that loads the law, which would import the module being replaced.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function mutant(file: string, edits: [string, string][]): Promise<Record<string, unknown>> {
  const abs = join(ROOT, file);
  let text = readFileSync(abs, 'utf8');
  for (const [from, to] of edits) {
    const n = text.split(from).length - 1;
    if (n !== 1) throw new Error(`sabotage of ${file}: expected to find ${JSON.stringify(from)} once, found it ${n} times`);
    text = text.replace(from, to);
  }
  text = text.replace(/from '(\.{1,2}\/[^']+)\.js'/g, (_, rel: string) => `from '${join(dirname(abs), rel)}.ts'`);
  const dir = mkdtempSync(join(tmpdir(), 'np-sabotage-'));
  const out = join(dir, basename(file));
  writeFileSync(out, text);
  try {
    return await import(/* @vite-ignore */ pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
