/** Sabotage: showing more means counts against the person. Means monotonicity must notice. */
import { describe, it, vi } from 'vitest';
import { expectCaught } from './run.js';

vi.mock('../../../src/engine/atoms.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/engine/atoms.js')>();
  const meansSatisfied = (fact: unknown, value: unknown) => {
    const f = fact as { means: string[] | null };
    return f.means && f.means.length > 1 ? 'F' : m.atoms.meansSatisfied(fact, value);
  };
  return { ...m, atoms: { ...m.atoms, meansSatisfied } };
});

describe('sabotage: more means, worse outcome', () => {
  it('makes means monotonicity fail', async () => {
    await expectCaught('meansMonotonicity', /\+(means|cc):/);
  });
});
