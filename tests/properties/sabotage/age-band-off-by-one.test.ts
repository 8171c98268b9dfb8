/**
 * Sabotage: an age band's upper bound read inclusively — on the 18th birthday a person still counts as under
 * 18. The atom oracle (ageInBand, every age year by year) must notice. Also caught by (checked by running
 * them with this mock): tests/unit/atoms.test.ts ('an age band includes its minimum and excludes its
 * maximum') and 15 golden scenarios on a birthday (gb-ew/edge-18th-birthday, gb-nir/age-18-gap,
 * gb-sct/edge-s41-commencement-and-12th-birthday, every edge-18th-birthday-means, …).
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
