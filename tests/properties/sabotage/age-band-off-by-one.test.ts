/**
 * Sabotage: an age band's upper bound read inclusively — on the 18th birthday a person still counts as under
 * 18. The atom oracle (ageInBand, every age year by year) must notice. Also caught by: the golden scenarios
 * on the 18th birthday (gb-ew/edge-18th-birthday, gb-nir/age-18-gap) and tests/unit/atoms.test.ts.
 */
import { describe, it, vi } from 'vitest';
import { expectCaught } from './run.js';

vi.mock('../../../src/engine/atoms.js', async () =>
  (await import('./mutant.js')).mutant('src/engine/atoms.ts', [
    ['(b.max !== undefined && span.min >= b.max)) return', '(b.max !== undefined && span.min > b.max)) return'],
    ['(b.max === undefined || span.max < b.max)) return', '(b.max === undefined || span.max <= b.max)) return'],
  ]),
);

describe('sabotage: an age band one year too wide at the top', () => {
  it('makes the ageInBand oracle property fail', async () => {
    await expectCaught('ageInBand', /ageInBand\(.*engine T, every completion gives F|ageInBand\(.*engine U, every completion gives F|ageInBand\(.*engine T, every completion gives U/);
  });
});
