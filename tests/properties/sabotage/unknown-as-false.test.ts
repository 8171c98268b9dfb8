/** Sabotage: the evaluator reads an unknown fact as false. Information monotonicity must notice. */
import { describe, expect, it, vi } from 'vitest';
import { propertiesThatFail } from './run.js';

vi.mock('../../../src/engine/atoms.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../../src/engine/atoms.js')>();
  const atoms = Object.fromEntries(
    Object.entries(m.atoms).map(([name, atom]) => [name, (fact: unknown, value: unknown) => {
      const tv = (atom as (f: unknown, v: unknown) => string)(fact, value);
      return tv === 'U' ? 'F' : tv;
    }]),
  );
  return { ...m, atoms };
});

describe('sabotage: treat unknown as false', () => {
  it('makes information monotonicity fail', async () => {
    expect(await propertiesThatFail(['informationMonotonicity'])).toEqual(['informationMonotonicity']);
  });
});
