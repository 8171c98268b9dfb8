/** Sabotage: the evaluator ignores exception lists. The "exceptions win" property must notice. */
import { describe, expect, it, vi } from 'vitest';
import { propertiesThatFail } from './run.js';

vi.mock('../../../src/engine/atoms.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/engine/atoms.js')>();
  return { ...m, atoms: { ...m.atoms, entryMatches: () => 'F' } };
});

describe('sabotage: drop the exception check', () => {
  it('makes "exceptions win" fail', async () => {
    expect(await propertiesThatFail(['exceptionsWin'])).toEqual(['exceptionsWin']);
  });
});
