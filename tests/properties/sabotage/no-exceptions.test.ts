/** Sabotage: the evaluator ignores exception lists. The "exceptions win" property must notice. */
import { describe, it, vi } from 'vitest';
import { expectCaught } from './run.js';

vi.mock('../../../src/engine/atoms.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/engine/atoms.js')>();
  return { ...m, atoms: { ...m.atoms, entryMatches: () => 'F' } };
});
// The fast path looks entries up rather than asking entryMatches of each: it finds none.
vi.mock('../../../src/engine/offence-lists.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/engine/offence-lists.js')>();
  return { ...m, entryHits: () => [] };
});

describe('sabotage: drop the exception check', () => {
  it('makes "exceptions win" fail', async () => {
    await expectCaught('exceptionsWin', /expected '(eligible|undetermined|not-eligible)' to be 'excluded'/);
  });
});
