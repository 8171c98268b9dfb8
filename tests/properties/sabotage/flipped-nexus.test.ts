/** Sabotage: the evaluator reads the nexus ladder upside down. The nexus-ladder property must notice. */
import { describe, it, vi } from 'vitest';
import { expectCaught } from './run.js';

vi.mock('../../../src/vocabulary.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/vocabulary.js')>();
  return { ...m, nexusRank: (n: (typeof m.NEXUS)[number]) => m.NEXUS.indexOf(n) };
});

describe('sabotage: flip the nexus order', () => {
  it('makes the nexus ladder fail', async () => {
    await expectCaught('nexusLadder', / → /);
  });
});
