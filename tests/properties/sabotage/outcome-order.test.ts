/**
 * Sabotage: a wrong outcome order — an open question ranked below a definite no, so a relief with one
 * provision undetermined and another not eligible reads "not eligible". The combination property (order
 * restated in the test) must notice. Also caught by (checked by running them with this mock): 9 golden
 * scenarios whose relief combines an undetermined provision with a definite no (eu/adult-means-unknown,
 * gb-sct/adult-supply-serious-harm-unknown, us-ca/fear-of-harm-unknown, …); no unit test catches it.
 */
import { describe, it, vi } from 'vitest';
import { expectCaught } from './run.js';

vi.mock('../../../src/vocabulary.js', async () =>
  (await import('./mutant.js')).mutant('src/vocabulary.ts', [
    ["export const OUTCOMES = ['eligible', 'undetermined', 'excluded', 'not-eligible'] as const;", "export const OUTCOMES = ['eligible', 'excluded', 'not-eligible', 'undetermined'] as const;"],
  ]),
);

describe('sabotage: undetermined ranked worst', () => {
  it('makes "a relief is the best of its provisions" fail', async () => {
    await expectCaught('reliefsCombine', /expected '(not-eligible|excluded)' to be 'undetermined'/);
  });
});
